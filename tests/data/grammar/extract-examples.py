#!/usr/bin/env python3
"""Extracts the example commands (C:) and responses (S:) of an RFC's sections into the
one-per-line test data of tests/analyzer/grammar/rfc_examples_test.cpp.

Usage: extract-examples.py RFC.txt FIRST_LINE LAST_LINE > out.txt

Wrapped example lines (a deeper-indented line that is not a new C:/S:) are joined with one
space, as the RFC's line folding is not part of the protocol. Examples that carry a literal's
octets are left out (their octets follow on raw lines the text cannot delimit), as are the
"..." elisions and lines with page-break residue. A bare "+" is written "+ ": the RFC text
cannot show the SP that continue-req requires at the end of the line.

Examples that break the RFC's own ABNF are kept as comments naming why (KNOWN_BAD).
"""
import re
import sys

KNOWN_BAD = {
    "* OK [UIDVALIDITY 9877410381] UIDs valid":
        "RFC 9051 §6.3.2 example: 9877410381 exceeds nz-number's 32 bits",
    '* LIST () "."  "INBOX"': "two SPs in the example, aligned for reading",
    '* LIST (\\Subscribed) "."  "INBOX"': "two SPs in the example, aligned for reading",
    '* NAMESPACE (("INBOX." ".")) NIL  NIL': "two SPs in the example",
    "a005 Listrights successful": "RFC 4314 example lacks the OK of resp-cond-state",
    "A006 Select Completed": "the example lacks the OK of resp-cond-state",
    'a GETMETADATA "INBOX" /private/comment /shared/comment':
        "RFC 5464 example lists two entries without the parentheses 'entries' requires",
    'A02 LIST (SUBSCRIBED RECURSIVEMATCH)"" % RETURN (STATUS (MESSAGES))':
        "RFC 5819 example lacks the SP after the selection options",
    "* 1 FETCH (FLAGS (\\Draft \\Deleted)": "the example lacks the closing ')'",
    "* 2 FETCH (FLAGS (\\Answered)": "the example lacks the closing ')'",
    "* 3 FETCH (FLAGS ($Forwarded \\Seen)": "the example lacks the closing ')'",
}

path, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
lines = open(path, encoding="utf-8", errors="replace").read().split("\n")[first - 1 : last]
out = []
current = None
indent = 0
skip_literal = False
for raw in lines:
    m = re.match(r"^( +(?:Example: +)?)([CS]): {1,3}(.*)$", raw)
    if m:
        if current is not None:
            out.append(current)
        indent = len(m.group(1))
        current = (m.group(2), m.group(3).rstrip())
        skip_literal = False
        continue
    if current is None:
        continue
    stripped = raw.strip()
    if not stripped or raw.startswith("RFC ") or raw.startswith("\f") or "[Page" in raw:
        out.append(current)
        current = None
        continue
    lead = len(raw) - len(raw.lstrip(" "))
    if lead >= indent:
        # Folds where no SP belongs: between NAMESPACE's namespace-descr and THREAD's
        # thread-lists, and after the ',' of a sequence set or the ';' of a URL.
        adjacent = (current[1].startswith(("* NAMESPACE", "* THREAD")) and
                    current[1].endswith(")") and stripped.startswith("("))
        joiner = "" if adjacent or current[1].endswith((",", ";")) else " "
        current = (current[0], current[1] + joiner + stripped)
    else:
        out.append(current)
        current = None
if current is not None:
    out.append(current)

literal_side = None
for side, text in out:
    if literal_side is not None:
        # A literal's octets (and the rest of its command) follow on lines of the same side,
        # with only the continuation requests of the other side in between.
        if side == literal_side or text.startswith("+"):
            continue
        literal_side = None
    if re.search(r"\{\d+\+?\}$", text):
        literal_side = side
        continue
    if "..." in text or not text:
        continue
    if side == "C" and re.fullmatch(r"[A-Za-z0-9+/= ]{40,}", text):
        continue  # a folded base64 answer of an AUTHENTICATE exchange, not a command
    if text.startswith("(") or "(note that" in text:
        continue  # prose inside the example
    if text == "+":
        text = "+ "
    if text in KNOWN_BAD:
        print(f"# excluded ({KNOWN_BAD[text]}): {side}: {text}")
        continue
    print(f"{side}: {text}")
