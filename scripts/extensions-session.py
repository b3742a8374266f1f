#!/usr/bin/env python3
# The client side of samples/dovecot/extensions.{in,out}: one scripted IMAP session that uses
# the extensions the condstore.*, qresync.*, search.esearch-*, list.*, move.*, id.* and store.*
# rules judge (ENABLE QRESYNC, SELECT (CONDSTORE) / (QRESYNC ...), STORE with and without
# UNCHANGEDSINCE, SEARCH RETURN, partial FETCH, UID MOVE, UID FETCH (CHANGEDSINCE VANISHED),
# LIST patterns, ID). Recorded against a fresh tests/dovecot/start-dovecot instance:
#
#   tests/dovecot/start-dovecot /tmp/d && . /tmp/d/ports
#   scripts/extensions-session.py "$IMAP_PORT" > /dev/null
#   cp /tmp/d/rawlog/*.in samples/dovecot/extensions.in   # and .out likewise
#   tests/dovecot/stop-dovecot /tmp/d
#
# It prints the server's lines; a failed assertion means the server did not answer as expected.
import socket, sys, time
port = int(sys.argv[1])
s = socket.create_connection(("127.0.0.1", port))
f = s.makefile("rb")
def readline():
    l = f.readline()
    sys.stdout.write("S: " + l.decode(errors="replace"))
    return l
def cmd(tag, text, literal=None):
    if literal is not None:
        s.sendall((f"{tag} {text} {{{len(literal)}}}\r\n").encode())
        l = readline()
        assert l.startswith(b"+"), l
        s.sendall(literal + b"\r\n")
    else:
        s.sendall((f"{tag} {text}\r\n").encode())
    while True:
        l = readline()
        m = l.rstrip(b"\r\n")
        if m.endswith(b"}") and b"{" in m:
            n = int(m[m.rindex(b"{")+1:-1].rstrip(b"+"))
            sys.stdout.write("S: <%d octets>\n" % n)
            f.read(n)
            continue
        if l.startswith(tag.encode() + b" "):
            return l
readline()
cmd("a1", "LOGIN alice imapscope-test")
cmd("a2", 'ID ("name" "imapscope-rules" "version" "1")')
cmd("a3", "CAPABILITY")
cmd("a4", "ENABLE QRESYNC")
cmd("a5", "CAPABILITY")
cmd("a6", 'CREATE "Archive"')
cmd("a7", 'CREATE "Archive.2024"')
cmd("a8", 'CREATE "R&-D"')
cmd("a9", "SUBSCRIBE Archive.2024")
msg = b"From: a@example.org\r\nSubject: test\r\n\r\nhello world\r\n"
for i in range(5):
    cmd("b%d" % i, 'APPEND INBOX (\\Seen) " 7-Feb-1994 21:52:25 -0800"', msg)
cmd("c1", 'LIST "" "*"')
cmd("c2", 'LIST "" "Archive.%"')
cmd("c3", 'LIST "" "%"')
cmd("c4", 'LIST "" ""')
cmd("c5", 'LSUB "" "*"')
cmd("c6", 'STATUS "R&-D" (MESSAGES UIDNEXT HIGHESTMODSEQ)')
cmd("c7", 'LIST (SUBSCRIBED RECURSIVEMATCH) "" "%" RETURN (CHILDREN)')
cmd("d1", "SELECT INBOX (CONDSTORE)")
cmd("d2", "FETCH 1:* (UID FLAGS MODSEQ INTERNALDATE RFC822.SIZE)")
cmd("d3", "STORE 1 +FLAGS (\\Seen)")
cmd("d4", "STORE 2 -FLAGS (\\Seen)")
cmd("d5", "STORE 3 (UNCHANGEDSINCE 1) +FLAGS (\\Flagged)")
cmd("d6", "UID STORE 1:* +FLAGS.SILENT (\\Answered)")
cmd("d7", "SEARCH RETURN (MIN MAX COUNT) SEEN")
cmd("d8", "SEARCH RETURN (COUNT) DELETED")
cmd("d9", "UID SEARCH RETURN (ALL) SINCE 1-Feb-1994")
cmd("e1", "SEARCH UNSEEN")
cmd("e2", "FETCH 1 BODY.PEEK[]<0.10>")
cmd("e3", "FETCH 2 (BODY.PEEK[TEXT]<2.5> BINARY.PEEK[1])")
cmd("e4", "UID MOVE 1 Archive")
cmd("e5", "MOVE 1 Archive.2024")
cmd("e6", "UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)")
cmd("e7", "STORE 1 +FLAGS (\\Deleted)")
cmd("e8", "EXPUNGE")
cmd("e9", "CLOSE")
cmd("f1", "SELECT INBOX (QRESYNC (1 1))")
cmd("f2", "NOOP")
cmd("f3", "UNSELECT")
cmd("f4", "EXAMINE Archive")
cmd("f5", "FETCH 1:* (FLAGS UID)")
cmd("f6", "CLOSE")
cmd("f7", "DELETE \"R&-D\"")
cmd("z1", "LOGOUT")
