"""Makes Templates/assets/math.woff2: STIX Math (SIL OFL 1.1, Debian's fonts-stix) cut to
the characters abstracts use in formulas and converted to WOFF2.

Usage: python3 Tools/make_math_font.py   (needs `apt-get install fonts-stix` and
`pip install fonttools brotli`). The subset is a Modified Version under the OFL, so it is
renamed "PaperDigest Math"; the licence travels beside it as math-font-LICENSE.txt.
Run by hand when the character ranges change; the output is committed.
"""
import pathlib
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = pathlib.Path("/usr/share/fonts/opentype/stix-word/STIXMath-Regular.otf")
LICENCE = pathlib.Path("/usr/share/doc/fonts-stix/copyright")
ASSETS = pathlib.Path(__file__).resolve().parent.parent / "Templates" / "assets"
# Latin, Greek, accents, punctuation, letterlike symbols, arrows, operators, delimiters,
# shapes and the mathematical alphanumerics (bold, script, fraktur, double-struck…).
RANGES = (
    "U+0020-007E,U+00A0-00FF,U+0131,U+0237,U+02C6-02DC,U+0300-036F,U+0391-03C9,U+03D0-03F6,"
    "U+2000-206F,U+20D0-20F0,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+25A0-25FF,"
    "U+27C0-27FF,U+2900-2AFF,U+1D400-1D7FF"
)
FAMILY = "PaperDigest Math"


def main():
    if not SOURCE.exists():
        print(f"{SOURCE} is missing: apt-get install fonts-stix")
        return 1
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    font = TTFont(SOURCE)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(RANGES))
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 4):
            names.setName(FAMILY + " Regular", record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName("PaperDigestMath-Regular", record.nameID, record.platformID, record.platEncID, record.langID)
    if "FFTM" in font:
        del font["FFTM"]
    font.flavor = "woff2"
    out = ASSETS / "math.woff2"
    font.save(out)
    (ASSETS / "math-font-LICENSE.txt").write_text(
        f"{out.name} is a subset of STIX Math 1.1 ({SOURCE.name}, Debian package fonts-stix),\n"
        f"renamed \"{FAMILY}\" as the SIL Open Font License asks of modified versions.\n\n"
        + LICENCE.read_text()
    )
    print(f"{out}: {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
