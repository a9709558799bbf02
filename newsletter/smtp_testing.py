"""A real SMTP server for tests and benchmarks (aiosmtpd on a local port), which can be told to
refuse some messages or be stopped and started again."""

import email
import email.policy
import socket
import threading

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Mailbox:
    """An aiosmtpd handler that keeps what it accepts; `refuse_every` > 0 answers every Nth
    message with `refusal` (a temporary 451 by default)."""

    def __init__(self, keep=True):
        self.messages = []
        self.count = 0
        self.refused = 0
        self.refuse_every = 0
        self.refusal = "451 4.3.0 Try again later"
        self.keep = keep
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            if self.refuse_every and self.count % self.refuse_every == 0:
                self.refused += 1
                return self.refusal
            if self.keep:
                self.messages.append(
                    email.message_from_bytes(
                        envelope.original_content or envelope.content, policy=email.policy.default
                    )
                )
            else:
                self.messages.append(None)
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for m in self.messages if m is not None and address in m.get("To", "")]


class SMTPServer:
    def __init__(self, keep=True):
        self.mailbox = Mailbox(keep=keep)
        self.port = free_port()
        self.controller = None

    def start(self):
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None
