#!/usr/bin/env python3
"""Fills the unfinished messages that lupdate (cmake --build build/dev --target kessai_lupdate) left.

usage: translations/fill-unfinished.py TABLE.json
TABLE maps a source text, XML-escaped as it stands in the .ts (&amp; for &), to its Japanese
translation ("source||comment" for one message whose disambiguation comment needs another word); a plural message maps to {"ja": [...one form...], "en": [singular, plural]}.
English gets the source text itself for ordinary messages. Whatever stays unfinished is listed,
and the exit code is 1 then.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
table = json.load(open(sys.argv[1], encoding='utf-8')) if len(sys.argv) > 1 else {}
left = []


def fill(path, lang):
    text = open(path, encoding='utf-8').read()

    def message(match):
        body = match.group(0)
        if 'type="unfinished"' not in body:
            return body
        source = re.search(r'<source>(.*?)</source>', body, re.S).group(1)
        comment = re.search(r'<comment>(.*?)</comment>', body, re.S)
        # "source||comment" names one message where the same source text needs another word.
        entry = table.get(source + '||' + comment.group(1)) if comment else None
        if entry is None:
            entry = table.get(source)
        if '<numerusform' in body:
            forms = entry.get(lang) if isinstance(entry, dict) else None
            if not forms:
                left.append((path, source))
                return body
            inner = ''.join('\n            <numerusform>%s</numerusform>' % f for f in forms)
            return re.sub(r'<translation type="unfinished">.*?</translation>',
                          '<translation>%s\n        </translation>' % inner, body, flags=re.S)
        if lang == 'en':
            translation = source
        elif isinstance(entry, str):
            translation = entry
        else:
            left.append((path, source))
            return body
        return re.sub(r'<translation type="unfinished">.*?</translation>',
                      '<translation>%s</translation>' % translation, body, flags=re.S)

    text = re.sub(r'<message[^>]*>.*?</message>', message, text, flags=re.S)
    open(path, 'w', encoding='utf-8').write(text)


fill(os.path.join(HERE, 'kessai_en.ts'), 'en')
fill(os.path.join(HERE, 'kessai_ja.ts'), 'ja')
for path, source in left:
    print('unfinished in %s: %s' % (os.path.basename(path), source))
sys.exit(1 if left else 0)
