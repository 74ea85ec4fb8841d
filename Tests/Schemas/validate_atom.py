"""Validates Atom feeds against the RFC 4287 RELAX NG schema (atom.rnc beside this file).

Usage: python3 validate_atom.py FEED.xml...  Prints `path:line: message` per problem and
exits 1 when any feed is invalid. Needs lxml and rnc2rng (`make deps` installs them).
"""
import pathlib
import sys

import lxml.etree as etree
import rnc2rng


def main(paths):
    source = (pathlib.Path(__file__).parent / "atom.rnc").read_text()
    # rnc2rng declares the empty namespace with a prefix, which XML forbids; nothing uses it.
    grammar = rnc2rng.dumps(rnc2rng.loads(source)).replace(' xmlns:local=""', "")
    schema = etree.RelaxNG(etree.fromstring(grammar.encode()))
    failed = 0
    for path in paths:
        try:
            document = etree.parse(path)
        except etree.XMLSyntaxError as error:
            print(f"{path}:{error.lineno}: not well-formed: {error.msg}")
            failed += 1
            continue
        if not schema.validate(document):
            for error in schema.error_log:
                print(f"{path}:{error.line}: {error.message}")
            failed += 1
    print(f"{len(paths) - failed} of {len(paths)} feeds valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
