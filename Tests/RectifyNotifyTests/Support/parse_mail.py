#!/usr/bin/env python3
"""Parses mail files with Python's `email` package and prints one JSON object per file
(a JSON list): decoded headers and parts, plus checks on the raw bytes (CRLF line ends,
line lengths, RFC 2047 encoded-words that are at most 75 characters and decode on their own).
"""
import base64
import email
import email.policy
import json
import re
import sys
from email.header import decode_header, make_header

WORD = re.compile(rb"=\?([^?]+)\?([bBqQ])\?([^?]*)\?=")


def check_words(raw_headers):
    words = WORD.findall(raw_headers)
    lengths, standalone = [], True
    for charset, enc, text in words:
        lengths.append(len(b"=?%s?%s?%s?=" % (charset, enc, text)))
        if enc in (b"B", b"b"):
            try:
                base64.b64decode(text, validate=True).decode(charset.decode())
            except (ValueError, UnicodeDecodeError):
                standalone = False
    return lengths, standalone


def parse(path):
    raw = open(path, "rb").read()
    head = raw.split(b"\r\n\r\n", 1)[0]
    lengths, standalone = check_words(head)
    lines = raw.split(b"\r\n")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    parts = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        parts.append({
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "transfer_encoding": part.get("Content-Transfer-Encoding"),
            "body": part.get_content(),
        })
    sender = msg["From"].addresses[0]
    # The policy parser puts a space between adjacent encoded-words in a display name, which
    # RFC 2047 section 6.2 says to drop; the classic decoder follows the RFC.
    raw_from = re.search(rb"^From: (.*?)\r\n(?! )", head + b"\r\n", re.M | re.S).group(1).replace(b"\r\n", b"")
    from_decoded = str(make_header(decode_header(raw_from.decode("ascii"))))
    return {
        "subject": str(msg["Subject"]),
        "from_name": sender.display_name,
        "from_decoded": from_decoded,
        "from_address": sender.addr_spec,
        "to": [a.addr_spec for a in msg["To"].addresses],
        "to_names": [a.display_name for a in msg["To"].addresses],
        "date": msg["Date"].datetime.isoformat(),
        "message_id": msg["Message-ID"],
        "mime_version": msg["MIME-Version"],
        "content_type": msg.get_content_type(),
        "parts": parts,
        "defects": [type(d).__name__ for d in msg.defects] + [type(d).__name__ for p in msg.walk() for d in p.defects],
        "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
        "max_line_length": max(len(line) for line in lines),
        "max_header_line_length": max(len(line) for line in head.split(b"\r\n")),
        "encoded_word_lengths": lengths,
        "encoded_words_standalone": standalone,
    }


print(json.dumps([parse(p) for p in sys.argv[1:]], ensure_ascii=False))
