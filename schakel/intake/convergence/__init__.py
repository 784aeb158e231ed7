"""Bringing signals about one person together without plain identifiers in any index.

- ``normalise``: folding of names (diacritics, prefixes, hyphens) and a coarse phonetic code;
- ``encoding``: keyed Bloom filters and truncated HMAC keys derived from an identity (pure);
- ``comparison``: the score and the explanation a person can follow (pure);
- ``engine``: storing encodings, finding candidates and creating match suggestions (database).
"""
