#!/usr/bin/env bash
# Places the public evaluation and training corpora under eval-data/
# (git-ignored: never commit them) from local git copies of the public
# repositories that hold them, and verifies every file's SHA-256.
#
#   scripts/fetch-eval-data.sh [MIRROR_DIR]      (or EVAL_MIRROR=MIRROR_DIR)
#
# MIRROR_DIR holds one git copy per repository, either as
#   MIRROR_DIR/<owner>+<name>/repo      (bare, or a work tree with .git/)
# or as an ordinary clone
#   MIRROR_DIR/<owner>/<name>           (git clone https://github.com/<owner>/<name>)
# Files are read from the pinned commit when the copy has it, else from
# HEAD; either way the checksum decides. The sources, licences and what each
# file is for are in docs/EVALUATION.md.
#
# Exit status: 0 when every external-test file (OLID test, Davidson) is in
# place and verified; 1 otherwise. A missing training corpus is reported and
# skipped; a checksum mismatch is always an error.
set -euo pipefail

mirror="${1:-${EVAL_MIRROR:-}}"
if [[ -z "$mirror" || ! -d "$mirror" ]]; then
    echo "usage: $0 MIRROR_DIR   (or set EVAL_MIRROR); see docs/EVALUATION.md" >&2
    exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/eval-data"
mkdir -p "$out"

# role|owner/name|commit|path in repository|destination under eval-data/|sha256
# role: test = external test set (required; never train or tune on it),
#       train = training corpus (optional here).
files='
test|idontflow/OLID|66fa62b22d57965986884d6b1491da2aed452f07|testset-levela.tsv|olid/testset-levela.tsv|6ba3269424e3373fc8bb9fc05c884a4545c7699c8a1386bbf5b282478af238a9
test|idontflow/OLID|66fa62b22d57965986884d6b1491da2aed452f07|labels-levela.csv|olid/labels-levela.csv|81e61a1d5eff67b048d8ae3fd8b5a6bcc7259c7e05a2ddfd1ca62d77f3e48626
test|idontflow/OLID|66fa62b22d57965986884d6b1491da2aed452f07|README.txt|olid/README.txt|31452a586155471405c82cb9dbc8e468e0c0ac7711fdf278f67328160b71e426
test|t-davidson/hate-speech-and-offensive-language|cb50f7e9eb855a99abc51423bf40df0e26d6fe30|data/labeled_data.csv|davidson/labeled_data.csv|fcb8bc7c68120ae4af04a5b9acd58585513ede11e1548ebf36a5c2040b6f6281
train|idontflow/OLID|66fa62b22d57965986884d6b1491da2aed452f07|olid-training-v1.0.tsv|train/olid/olid-training-v1.0.tsv|907e186e75876f1a77aeff72c97c988bdcd533493926567f7206da6f82f45ae9
train|cardiffnlp/tweeteval|4fbd22cd78421f05b1ecdb4fc5725bc7a7bd8f66|datasets/hate/train_text.txt|train/tweeteval/hate/train_text.txt|6572bb3a42143128a5dfa99af8debeb0668e637c34b2d1e3140dac47316fe2c2
train|cardiffnlp/tweeteval|4fbd22cd78421f05b1ecdb4fc5725bc7a7bd8f66|datasets/hate/train_labels.txt|train/tweeteval/hate/train_labels.txt|4e8fde025a453a25c94632794254131dedeac4e57228ad64157c41571cc88f71
train|cardiffnlp/tweeteval|4fbd22cd78421f05b1ecdb4fc5725bc7a7bd8f66|datasets/hate/val_text.txt|train/tweeteval/hate/val_text.txt|1ff78b1ed4c5ce43284b9eba32eb7d60c6d45d0d1b3b4d6df456ae01640764f1
train|cardiffnlp/tweeteval|4fbd22cd78421f05b1ecdb4fc5725bc7a7bd8f66|datasets/hate/val_labels.txt|train/tweeteval/hate/val_labels.txt|5092badf1a0e70036ea6264bcd0b78afc07d0f4a512fa6af34c2c4973600656b
train|cardiffnlp/tweeteval|4fbd22cd78421f05b1ecdb4fc5725bc7a7bd8f66|datasets/hate/test_text.txt|train/tweeteval/hate/test_text.txt|bc4762876a8dd8baa55c3cd7b03108e3231a5d691e80b8b1ef97c5be31b9da9a
train|cardiffnlp/tweeteval|4fbd22cd78421f05b1ecdb4fc5725bc7a7bd8f66|datasets/hate/test_labels.txt|train/tweeteval/hate/test_labels.txt|c14adca6b3627616a835c5ccea8a1cceb0235cd79417257f093eb0e16a69c62f
train|cardiffnlp/tweeteval|4fbd22cd78421f05b1ecdb4fc5725bc7a7bd8f66|datasets/offensive/train_text.txt|train/tweeteval/offensive/train_text.txt|78a7a32e38b10af7d8970b008bf17f661c8d0a90dad145fa0fa6a944669650db
train|cardiffnlp/tweeteval|4fbd22cd78421f05b1ecdb4fc5725bc7a7bd8f66|datasets/offensive/train_labels.txt|train/tweeteval/offensive/train_labels.txt|c0b7d6ebdaa4ebcf6fc557ef1e775d92eda160218a0e3b1dd48eb8234dc892a6
train|cardiffnlp/tweeteval|4fbd22cd78421f05b1ecdb4fc5725bc7a7bd8f66|datasets/offensive/val_text.txt|train/tweeteval/offensive/val_text.txt|816f36d180c35f15a5104838cb73856a0bef42043482fe738f3481b06242a55c
train|cardiffnlp/tweeteval|4fbd22cd78421f05b1ecdb4fc5725bc7a7bd8f66|datasets/offensive/val_labels.txt|train/tweeteval/offensive/val_labels.txt|ed2deb776bd1c52fb8221fadd3360e32d9dfe46842d78053528126e46363a258
train|intelligence-csd-auth-gr/Ethos-Hate-Speech-Dataset|705258e118ce9611ebbd5ab2a4841b0066547293|ethos/ethos_data/Ethos_Dataset_Binary.csv|train/ethos/Ethos_Dataset_Binary.csv|0cd0050c2592afcb5eca5876df485ca15cda9d7d16fe32c269857260fd10d96c
train|intelligence-csd-auth-gr/Ethos-Hate-Speech-Dataset|705258e118ce9611ebbd5ab2a4841b0066547293|ethos/ethos_data/Ethos_Dataset_Multi_Label.csv|train/ethos/Ethos_Dataset_Multi_Label.csv|488c72a1582abdaf489a6e9eceeebba505447a00a25bd02e72fd6a56f9a3d83d
train|zeeraktalat/hatespeech|be3196031df95e4537f382bf55967b741fa19b5c|NAACL_SRW_2016.csv|train/waseem-hovy/NAACL_SRW_2016.csv|a23875e68792a9d66cafea3c1c42b0b563b35fbd6163a66c3c4451976ebcdcff
train|EvilPort2/Spam-Detection|d12b3145850a1731c5be62bb03d5e2f416a81cf7|SMSSpamCollection|train/sms-spam/SMSSpamCollection|edc1f2ca36319ca36c6f80fede2f6ae5f81335289352485f3924df077ec20266
train|ECE457-A/FeatureSelection|c570c1e17ca2998e690f4c0c194304ab484866c9|Youtube01-Psy.csv|train/youtube-spam/Youtube01-Psy.csv|017d44b732fc52761232c4d64e553d234fa9cd93de9b2cb9e83e18183d75e73b
train|jeevanchavan143/CommentSpam|d459b9d42f211d02af5e87a3921fc1de24c4beca|Youtube05-Shakira.csv|train/youtube-spam/Youtube05-Shakira.csv|f2f3066f9c1ef14dc0ee809e1313327bb03d2dce1d0101864628e7e145d043bd
'

# The git directory of owner/name under $mirror, or nothing.
gitdir() {
    local owner="${1%%/*}" name="${1#*/}" d
    for d in "$mirror/$owner+$name/repo" "$mirror/$owner+$name/repo/.git" \
        "$mirror/$owner/$name/.git" "$mirror/$owner/$name"; do
        if [[ -d "$d" ]] && git --git-dir="$d" rev-parse --git-dir >/dev/null 2>&1; then
            echo "$d"
            return
        fi
    done
}

sha256() { sha256sum "$1" | cut -d' ' -f1; }

status=0
placed=0
skipped=0
while IFS='|' read -r role repo commit path dest want; do
    [[ -z "$role" ]] && continue
    g="$(gitdir "$repo")"
    if [[ -z "$g" ]]; then
        if [[ "$role" == test ]]; then
            echo "MISSING $repo (needed for $dest): no copy under $mirror" >&2
            status=1
        else
            echo "skipped $dest: no copy of $repo under $mirror" >&2
            skipped=$((skipped + 1))
        fi
        continue
    fi
    rev="$commit"
    git --git-dir="$g" cat-file -e "$commit^{commit}" 2>/dev/null || rev=HEAD
    mkdir -p "$(dirname "$out/$dest")"
    tmp="$out/$dest.part"
    if ! git --git-dir="$g" show "$rev:$path" >"$tmp" 2>/dev/null; then
        rm -f "$tmp"
        echo "MISSING $repo:$path at $rev" >&2
        [[ "$role" == test ]] && status=1 || skipped=$((skipped + 1))
        continue
    fi
    got="$(sha256 "$tmp")"
    if [[ "$got" != "$want" ]]; then
        rm -f "$tmp"
        echo "CHECKSUM MISMATCH $repo:$path at $rev: $got, expected $want" >&2
        status=1
        continue
    fi
    mv "$tmp" "$out/$dest"
    placed=$((placed + 1))
    echo "ok $dest ($repo@${rev:0:12})"
done <<<"$files"

echo "eval-data/: $placed files placed and verified, $skipped training files skipped" >&2
exit "$status"
