//! Images the OCR tests draw themselves: text in DejaVu Sans (Debian's
//! fonts-dejavu-core, which .ci/run installs) on a whiteboard-like or
//! photo-like background, straight, tilted or turned, at full or low
//! contrast, written as PNG or JPEG. Deterministic: the same call gives
//! the same bytes.
#![allow(dead_code)]

use ab_glyph::{Font, FontVec, PxScale, ScaleFont, point};

pub const FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

pub fn font() -> FontVec {
    let bytes = std::fs::read(FONT)
        .unwrap_or_else(|e| panic!("{FONT} is missing ({e}): install fonts-dejavu-core"));
    FontVec::try_from_vec(bytes).expect("DejaVu Sans parses")
}

/// What the text is drawn on.
#[derive(Clone, Copy, Debug)]
pub enum Background {
    /// Off-white with an uneven light and a little sensor noise.
    Whiteboard,
    /// A colour gradient with strong noise, like a photo of a wall.
    Photo,
}

/// An RGB picture.
pub struct Picture {
    pub width: u32,
    pub height: u32,
    rgb: Vec<u8>,
}

/// A small deterministic noise source (xorshift), so no `rand` is needed.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> i32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % 1000) as i32
    }
}

impl Picture {
    pub fn new(width: u32, height: u32, bg: Background, seed: u64) -> Picture {
        let mut noise = Noise(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let mut rgb = Vec::with_capacity((width * height * 3) as usize);
        for y in 0..height {
            for x in 0..width {
                let fx = x as f32 / width as f32;
                let fy = y as f32 / height as f32;
                let px = match bg {
                    Background::Whiteboard => {
                        let light = 235.0 - 25.0 * fx * fy;
                        let n = (noise.next() % 13 - 6) as f32;
                        [light + n, light + n, light + 4.0 + n]
                    }
                    Background::Photo => {
                        let n = (noise.next() % 41 - 20) as f32;
                        [
                            150.0 + 70.0 * fx + n,
                            170.0 + 40.0 * fy + n,
                            120.0 + 60.0 * (1.0 - fx) + n,
                        ]
                    }
                };
                rgb.extend(px.map(|c| c.clamp(0.0, 255.0) as u8));
            }
        }
        Picture { width, height, rgb }
    }

    /// Draws `lines` of text at `size` pixels, starting at (`x`, `y`),
    /// turned `degrees` clockwise about the picture's centre, in `ink`.
    pub fn text(
        &mut self,
        font: &FontVec,
        lines: &[&str],
        (x, y): (f32, f32),
        size: f32,
        degrees: f32,
        ink: [u8; 3],
    ) -> &mut Self {
        let (w, h) = (self.width as usize, self.height as usize);
        // Coverage of the text, unturned, then sampled through the turn.
        let mut alpha = vec![0f32; w * h];
        let scaled = font.as_scaled(PxScale::from(size));
        for (i, line) in lines.iter().enumerate() {
            let mut caret = x;
            let base = y + scaled.ascent() + i as f32 * size * 1.3;
            for c in line.chars() {
                let id = scaled.glyph_id(c);
                let glyph = id.with_scale_and_position(size, point(caret, base));
                caret += scaled.h_advance(id);
                let Some(outline) = font.outline_glyph(glyph) else {
                    continue;
                };
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, v| {
                    let px = bounds.min.x as i64 + gx as i64;
                    let py = bounds.min.y as i64 + gy as i64;
                    if (0..w as i64).contains(&px) && (0..h as i64).contains(&py) {
                        let a = &mut alpha[py as usize * w + px as usize];
                        *a = (*a + v).min(1.0);
                    }
                });
            }
        }
        let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
        let (sin, cos) = degrees.to_radians().sin_cos();
        for py in 0..h {
            for px in 0..w {
                // The point of the unturned layer that lands here.
                let (dx, dy) = (px as f32 + 0.5 - cx, py as f32 + 0.5 - cy);
                let sx = cos * dx + sin * dy + cx - 0.5;
                let sy = -sin * dx + cos * dy + cy - 0.5;
                let a = bilinear(&alpha, w, h, sx, sy);
                if a > 0.0 {
                    let o = (py * w + px) * 3;
                    for (k, ink) in ink.iter().enumerate() {
                        let under = self.rgb[o + k] as f32;
                        self.rgb[o + k] = (under + (*ink as f32 - under) * a) as u8;
                    }
                }
            }
        }
        self
    }

    /// The whole picture turned a quarter clockwise, as a phone held
    /// sideways stores it when it does not record the orientation.
    pub fn turn90(&self) -> Picture {
        let (w, h) = (self.width as usize, self.height as usize);
        let mut rgb = vec![0u8; w * h * 3];
        for y in 0..h {
            for x in 0..w {
                // (x, y) lands at column h-1-y, row x of the turned picture.
                let to = (x * h + (h - 1 - y)) * 3;
                let from = (y * w + x) * 3;
                rgb[to..to + 3].copy_from_slice(&self.rgb[from..from + 3]);
            }
        }
        Picture {
            width: self.height,
            height: self.width,
            rgb,
        }
    }

    pub fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, self.width, self.height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().expect("png header");
        w.write_image_data(&self.rgb).expect("png data");
        w.finish().expect("png end");
        out
    }

    pub fn jpeg(&self, quality: u8) -> Vec<u8> {
        let mut out = Vec::new();
        jpeg_encoder::Encoder::new(&mut out, quality)
            .encode(
                &self.rgb,
                self.width as u16,
                self.height as u16,
                jpeg_encoder::ColorType::Rgb,
            )
            .expect("jpeg");
        out
    }
}

fn bilinear(a: &[f32], w: usize, h: usize, x: f32, y: f32) -> f32 {
    if x < -1.0 || y < -1.0 || x >= w as f32 || y >= h as f32 {
        return 0.0;
    }
    let (x0, y0) = (x.floor(), y.floor());
    let (fx, fy) = (x - x0, y - y0);
    let at = |xi: f32, yi: f32| -> f32 {
        if xi < 0.0 || yi < 0.0 || xi >= w as f32 || yi >= h as f32 {
            0.0
        } else {
            a[yi as usize * w + xi as usize]
        }
    };
    at(x0, y0) * (1.0 - fx) * (1.0 - fy)
        + at(x0 + 1.0, y0) * fx * (1.0 - fy)
        + at(x0, y0 + 1.0) * (1.0 - fx) * fy
        + at(x0 + 1.0, y0 + 1.0) * fx * fy
}

/// Dark marker ink, and a faded grey for low-contrast text.
pub const INK: [u8; 3] = [20, 30, 90];
pub const FADED: [u8; 3] = [165, 165, 175];

/// A ward whiteboard: a patient's bed, name and NHS number (a valid
/// Mod 11 check digit in the 999 test range).
pub const WARD_BOARD: &[&str] = &["Ward 7 - Bed 4", "John Smithson", "NHS No 999 000 0018"];

/// The ward whiteboard at `degrees`, as PNG.
pub fn ward_board(degrees: f32, bg: Background, ink: [u8; 3]) -> Vec<u8> {
    let font = font();
    let mut p = Picture::new(900, 600, bg, 7);
    p.text(&font, WARD_BOARD, (80.0, 150.0), 56.0, degrees, ink);
    p.png()
}
