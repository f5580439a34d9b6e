"""A Poster without Discord for the services' tests: it records what was sent and fails when told to."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.delivery import Channel, Post, Sent, Server, Thread
from bot.i18n import t


@dataclass
class FakePoster:
    """Servers and channels as given; ``problems`` answers :meth:`cannot_post` per channel (a server it is not
    in answers "not in that server"); each send takes the next of ``failures`` (None: it goes out)."""

    guilds: dict[int, Server] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)
    problems: dict[int, str] = field(default_factory=dict)
    failures: list[BaseException | None] = field(default_factory=list)
    sent: list[tuple[str, int, Post]] = field(default_factory=list)  # ("channel" | "dm" | "thread", id, post)
    threads: list[Thread] = field(default_factory=list)  # the bot's active threads and forum posts

    def servers(self) -> set[int]:
        return set(self.guilds)

    def server(self, guild_id: int) -> Server | None:
        return self.guilds.get(guild_id)

    def channel(self, guild_id: int, channel_id: int) -> Channel | None:
        return self.channels.get(channel_id) if guild_id in self.guilds else None

    def cannot_post(self, guild_id: int, channel_id: int | None, *, threads: bool = False) -> str | None:
        if guild_id not in self.guilds:
            return t("not_in_server")
        return self.problems.get(channel_id or 0)

    async def send(self, channel_id: int, post: Post) -> Sent:
        return self._out("channel", channel_id, post)

    async def send_dm(self, user_id: int, post: Post) -> Sent:
        return self._out("dm", user_id, post)

    async def create_thread(
        self,
        guild_id: int,
        channel_id: int,
        name: str,
        *,
        post: Post | None = None,
        message_id: int | None = None,
    ) -> tuple[int, int | None]:
        sent = self._out("thread", channel_id, post or Post(content=name))
        return sent.id, sent.id if post is not None else None

    async def my_threads(self, guild_id: int, channel_id: int) -> list[Thread]:
        return [thread for thread in self.threads if thread.parent_id == channel_id]

    async def publish(self, channel_id: int, message_id: int) -> None:
        return None

    def _out(self, kind: str, to: int, post: Post) -> Sent:
        failure = self.failures.pop(0) if self.failures else None
        if failure is not None:
            raise failure
        self.sent.append((kind, to, post))
        return Sent(len(self.sent), f"https://discord.test/{to}/{len(self.sent)}")
