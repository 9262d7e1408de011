#!/usr/bin/env python3
"""A tiny stand-in for the Slack Web API on 127.0.0.1, for deploy/smoke.sh and deploy/measure-footprint.sh.

  deploy/fake-slack.py LOG_FILE

Listens on a free loopback port and prints it as the first line of stdout. Answers auth.test as a
bot user, chat.postMessage, views.publish and response_url posts with ok, and appends one line
"METHOD PATH" per request to LOG_FILE (for a response_url post, followed by its JSON body on the
same line). It never reaches the real Slack.
"""
import http.server
import json
import sys

AUTH = {"ok": True, "url": "https://example.slack.com/", "team": "Example", "user": "istiocon",
        "team_id": "T0001", "user_id": "U0BOT", "bot_id": "B0BOT", "is_enterprise_install": False}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        reply = "" if self.path.startswith("/api/") else " " + data.decode("utf-8").replace("\n", " ")
        with open(sys.argv[1], "a", encoding="utf-8") as log:
            log.write("POST %s%s\n" % (self.path, reply))
        if self.path == "/api/auth.test":
            body = AUTH
        elif self.path == "/api/chat.postMessage":
            body = {"ok": True, "channel": "C0001", "ts": "1614015900.000200"}
        elif self.path.startswith("/api/"):
            body = {"ok": True}
        else:
            self.reply(200, "text/plain", b"ok")
            return
        self.reply(200, "application/json; charset=utf-8", json.dumps(body).encode())

    def reply(self, status, content_type, data):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
