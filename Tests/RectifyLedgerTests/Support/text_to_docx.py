#!/usr/bin/env python3
"""Writes a report's text as a Word document, one paragraph per line (python-docx), the way
an office pastes its 通报 into Word. Usage: text_to_docx.py REPORT.txt OUT.docx"""
import sys

from docx import Document

doc = Document()
for line in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    doc.add_paragraph(line)
doc.save(sys.argv[2])
