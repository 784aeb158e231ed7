"""Online accounts as people write them down, normalised to (platform, handle).

"@Mo_99", "mo_99", "https://www.instagram.com/mo_99/" and "instagram.com/mo_99" on "Insta" or
"IG" are one account: ("instagram", "mo_99"). A platform Schakel does not know keeps its folded
name. Handles are compared without case: the common platforms treat them so.
"""

import re
from urllib.parse import urlsplit

from schakel.intake.convergence.normalise import fold

PLATFORM_ALIASES = {
    "instagram": ("instagram", "insta", "ig", "instagramcom"),
    "tiktok": ("tiktok", "tik tok", "tiktokcom"),
    "x": ("x", "twitter", "x twitter", "twitter x", "xcom", "twittercom"),
    "facebook": ("facebook", "fb", "facebookcom", "meta facebook"),
    "telegram": ("telegram", "tg", "tme", "telegramorg"),
    "snapchat": ("snapchat", "snap", "snapchatcom"),
    "youtube": ("youtube", "yt", "youtubecom"),
    "discord": ("discord", "discordcom"),
    "reddit": ("reddit", "redditcom"),
    "whatsapp": ("whatsapp", "wa"),
    "signal": ("signal",),
    "twitch": ("twitch", "twitchtv"),
    "threads": ("threads", "threadsnet"),
    "linkedin": ("linkedin", "linkedincom"),
    "bluesky": ("bluesky", "bsky", "bskyapp"),
    "mastodon": ("mastodon",),
    "vk": ("vk", "vkontakte", "vkcom"),
    "kick": ("kick", "kickcom"),
    "rumble": ("rumble", "rumblecom"),
    "gab": ("gab", "gabcom"),
    "truthsocial": ("truth social", "truthsocial", "truth"),
    "pinterest": ("pinterest",),
    "steam": ("steam", "steamcommunity"),
    "roblox": ("roblox",),
}
_ALIAS = {
    alias.replace(" ", ""): name for name, aliases in PLATFORM_ALIASES.items() for alias in aliases
}
_DOMAINS = {
    "instagram.com": "instagram",
    "tiktok.com": "tiktok",
    "x.com": "x",
    "twitter.com": "x",
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "t.me": "telegram",
    "telegram.me": "telegram",
    "snapchat.com": "snapchat",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "reddit.com": "reddit",
    "twitch.tv": "twitch",
    "threads.net": "threads",
    "linkedin.com": "linkedin",
    "bsky.app": "bluesky",
    "vk.com": "vk",
    "kick.com": "kick",
    "rumble.com": "rumble",
}
# Path segments that come before the handle on some platforms (/user/name, /c/name, /in/name).
_PATH_WORDS = frozenset({"user", "users", "c", "channel", "in", "u", "add", "profile", "r"})
_HANDLE = re.compile(r"[^\w.\-]+", re.UNICODE)
HANDLE_MAX_LENGTH = 100


def normalise_platform(text: str) -> str:
    folded = fold(text).replace(" ", "").replace("'", "").replace("-", "")
    return _ALIAS.get(folded, folded)


def _from_url(text: str) -> tuple[str, str] | None:
    candidate = text if "://" in text else f"https://{text}"
    parts = urlsplit(candidate)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    platform = _DOMAINS.get(host)
    if platform is None:
        return None
    segments = [s for s in parts.path.split("/") if s]
    while segments and segments[0].lower() in _PATH_WORDS and len(segments) > 1:
        segments.pop(0)
    return (platform, segments[0]) if segments else (platform, "")


def normalise_account(platform: str, handle: str) -> tuple[str, str]:
    """(platform, handle) in the one form used for comparing; a profile link gives both.

    An empty result means the input holds no usable handle.
    """
    text = handle.strip()
    found_platform = normalise_platform(platform) if platform.strip() else ""
    if "/" in text or re.match(r"^[\w.-]+\.(com|me|tv|net|app|be)\b", text):
        parsed = _from_url(text)
        if parsed is not None:
            found_platform = found_platform or parsed[0]
            text = parsed[1]
    text = text.strip().lstrip("@").strip()
    text = _HANDLE.sub("", text).strip(".-").casefold()
    return found_platform, text[:HANDLE_MAX_LENGTH]
