//! What the scan reads from media files beyond the readers' EXIF check,
//! for every platform at once (docs/ARCHITECTURE.md, "The media pass"):
//! the recording place in MP4/MOV metadata ([`video`]), and text in
//! images with Tesseract under `--ocr` ([`ocr`]). What a file is comes
//! from its first bytes, never from its name alone: extensions lie, and
//! some exports have none.

pub mod ocr;
pub mod video;

/// Bytes [`sniff`] needs from the start of a file.
pub const HEAD: usize = 16;

/// An image format Tesseract reads (through Leptonica).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Jpeg,
    Png,
    Gif,
    Tiff,
    Bmp,
    Webp,
}

impl ImageFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::Png => "PNG",
            ImageFormat::Gif => "GIF",
            ImageFormat::Tiff => "TIFF",
            ImageFormat::Bmp => "BMP",
            ImageFormat::Webp => "WebP",
        }
    }
}

/// What a media file's first bytes say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An image Tesseract can read.
    Image(ImageFormat),
    /// A HEIF or AVIF still image (iPhone photos): Tesseract cannot read it.
    Heif,
    /// An ISO base media file (MP4, MOV, M4V, 3GP): its metadata boxes can
    /// be walked for a location.
    IsoVideo,
    /// Another video container, not read for a location.
    OtherVideo(&'static str),
    /// Anything else (audio, documents, damaged or unrecognised bytes).
    Other,
}

/// Brands of the ISO `ftyp` box that mark a still image, not a video.
const HEIF_BRANDS: &[&[u8; 4]] = &[
    b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"mif2", b"msf1", b"avif",
    b"avis",
];

/// First-level box types a QuickTime file written without `ftyp` starts with.
const QUICKTIME_FIRST: &[&[u8; 4]] = &[b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot"];

/// The kind of a file from its first [`HEAD`] bytes. The image test is
/// deliberately no looser than Leptonica's own: Tesseract reads any input
/// whose format Leptonica does not recognise as a list of file names to
/// open, so only bytes that are certainly an image may reach it.
pub fn sniff(head: &[u8]) -> Kind {
    let at = |i: usize, magic: &[u8]| head.get(i..i + magic.len()) == Some(magic);
    if at(0, b"\xFF\xD8\xFF") {
        Kind::Image(ImageFormat::Jpeg)
    } else if at(0, b"\x89PNG\r\n\x1A\n") {
        Kind::Image(ImageFormat::Png)
    } else if at(0, b"GIF87a") || at(0, b"GIF89a") {
        Kind::Image(ImageFormat::Gif)
    } else if at(0, b"II*\0") || at(0, b"MM\0*") {
        Kind::Image(ImageFormat::Tiff)
    } else if at(0, b"BM") && head.len() >= 14 {
        Kind::Image(ImageFormat::Bmp)
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        Kind::Image(ImageFormat::Webp)
    } else if at(0, b"RIFF") && at(8, b"AVI ") {
        Kind::OtherVideo("AVI")
    } else if at(0, b"\x1A\x45\xDF\xA3") {
        Kind::OtherVideo("Matroska/WebM")
    } else if at(4, b"ftyp") {
        match head.get(8..12) {
            Some(brand) if HEIF_BRANDS.iter().any(|b| b.as_slice() == brand) => Kind::Heif,
            _ => Kind::IsoVideo,
        }
    } else if QUICKTIME_FIRST.iter().any(|t| at(4, t.as_slice())) {
        Kind::IsoVideo
    } else {
        Kind::Other
    }
}

/// Image file extensions (lower case, no dot): a file named like an image
/// whose bytes are not one is said in coverage under `--ocr`.
pub const IMAGE_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "heic", "heif", "avif",
];

pub fn is_image_name(name: &str) -> bool {
    crate::vocab::extension(name).is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_bytes_decide_what_a_file_is() {
        assert_eq!(
            sniff(b"\xFF\xD8\xFF\xE0\0\x10JFIF\0"),
            Kind::Image(ImageFormat::Jpeg)
        );
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR"),
            Kind::Image(ImageFormat::Png)
        );
        assert_eq!(
            sniff(b"RIFF\0\0\0\0WEBPVP8 "),
            Kind::Image(ImageFormat::Webp)
        );
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0"), Kind::Heif);
        assert_eq!(sniff(b"\0\0\0\x18ftypisom\0\0\x02\0"), Kind::IsoVideo);
        assert_eq!(sniff(b"\0\0\0\x14ftypqt  \0\0\0\0"), Kind::IsoVideo);
        assert_eq!(sniff(b"\0\0\0\x08wide\0\0\0\0mdat"), Kind::IsoVideo);
        assert_eq!(
            sniff(b"\x1A\x45\xDF\xA3\x9F\x42\x86\x81"),
            Kind::OtherVideo("Matroska/WebM")
        );
    }

    #[test]
    fn text_is_never_taken_for_an_image() {
        // Tesseract would read this as a list of files to open.
        assert_eq!(sniff(b"/etc/passwd\n/home/x.png\n"), Kind::Other);
        assert_eq!(sniff(b"\xFF\xD8"), Kind::Other);
        assert_eq!(sniff(b"BM"), Kind::Other);
        assert_eq!(sniff(b""), Kind::Other);
    }
}
