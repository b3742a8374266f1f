#!/usr/bin/env python3
# One broad Python imaplib session, for recording how a server other than the test Dovecot
# answers the commands most clients use: NAMESPACE, LIST/LSUB (and LIST-EXTENDED forms),
# CREATE/RENAME/DELETE, SUBSCRIBE, APPEND (with flags and date), STATUS (with HIGHESTMODSEQ,
# which a server without CONDSTORE may ignore), SELECT/EXAMINE, FETCH of ENVELOPE,
# BODYSTRUCTURE, sections, partial and BINARY, FETCH (MODSEQ), SEARCH with a charset, ESEARCH,
# SORT, THREAD, STORE (.SILENT too), COPY, MOVE, EXPUNGE, UID EXPUNGE, UNSELECT, CLOSE,
# GETQUOTAROOT, ID, GETMETADATA, NOOP, CHECK, LOGOUT. Commands the server lacks are sent all
# the same (a client may try them): their NO/BAD is part of what is recorded.
#
# Usage: scripts/wide-session.py PORT [--login USER PASSWORD] [--prefix PREFIX]
#   --prefix: where the session may create mailboxes (the personal namespace's, e.g. "INBOX.")
# Prints each command's result; exits 0 whatever the server answered.
import argparse
import imaplib
import time

parser = argparse.ArgumentParser()
parser.add_argument("port", type=int)
parser.add_argument("--login", nargs=2, metavar=("USER", "PASSWORD"))
parser.add_argument("--prefix", default="")
args = parser.parse_args()

M = imaplib.IMAP4("127.0.0.1", args.port)
if args.login:
    M.login(*args.login)
work = args.prefix + "Work"
sub = work + "." + "Sub"
sub2 = work + "." + "Sub2"
MESSAGE = (b"From: a@example.org\r\nTo: b@example.org\r\nSubject: hello\r\n"
           b"Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
           b"Content-Type: multipart/mixed; boundary=XX\r\n\r\n"
           b"--XX\r\nContent-Type: text/plain\r\n\r\nbody one\r\n"
           b"--XX\r\nContent-Type: application/octet-stream\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\nAAECAwQF\r\n--XX--\r\n")


def run(what, *call):
    try:
        print(what, call[0](*call[1:]))
    except Exception as e:  # imaplib raises on BAD, and on commands in the wrong state
        print(what, "EXC", e)


run("capability", M.capability)
run("namespace", M.namespace)
run("create", M.create, work)
run("create", M.create, sub)
run("subscribe", M.subscribe, work)
run("list", M.list, '""', '"*"')
run("lsub", M.lsub, '""', '"*"')
run("list-extended", M.xatom, "LIST",
    '"" "*" RETURN (SUBSCRIBED CHILDREN SPECIAL-USE STATUS (MESSAGES UNSEEN UIDNEXT))')
run("list-subscribed", M.xatom, "LIST", '(SUBSCRIBED) "" "*"')
for i in range(5):
    run("append", M.append, "INBOX", "(\\Seen $Label1)" if i % 2 else None,
        imaplib.Time2Internaldate(time.time()), MESSAGE)
run("append", M.append, work, None, None, b"Subject: x\r\n\r\nhi\r\n")
run("status", M.status, "INBOX",
    "(MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN HIGHESTMODSEQ SIZE)")
run("select", M.select, "INBOX")
run("fetch", M.fetch, "1:*", "(UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)")
run("fetch", M.fetch, "1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)] BODY.PEEK[1] "
    "BODY.PEEK[2.MIME] BODY.PEEK[]<0.20>)")
run("fetch", M.fetch, "2", "(BINARY.PEEK[2] BINARY.SIZE[2])")
run("fetch", M.fetch, "3", "(RFC822.HEADER RFC822.TEXT)")
run("fetch", M.fetch, "1:2", "(MODSEQ)")
run("search", M.search, None, "ALL")
run("search", M.search, "UTF-8", "SUBJECT", "hello")
run("esearch", M.uid, "SEARCH", "RETURN (MIN MAX COUNT ALL)", "1:*")
run("sort", M.sort, "(REVERSE DATE SUBJECT)", "UTF-8", "ALL")
run("thread", M.thread, "REFERENCES", "UTF-8", "ALL")
run("store", M.store, "1:2", "+FLAGS", "(\\Flagged)")
run("store", M.store, "3", "FLAGS.SILENT", "(\\Deleted)")
run("uid store", M.uid, "STORE", "1:*", "-FLAGS", "($Label1)")
run("copy", M.copy, "1", work)
run("uid copy", M.uid, "COPY", "2", work)
run("uid move", M.uid, "MOVE", "4", work)
run("expunge", M.expunge)
run("uid expunge", M.uid, "EXPUNGE", "5")
run("unselect", M.xatom, "UNSELECT")
run("examine", M.select, work, True)
run("fetch", M.fetch, "1:*", "(FLAGS UID)")
run("close", M.close)
run("getquotaroot", M.getquotaroot, "INBOX")
run("id", M.xatom, "ID", '("name" "wide-session")')
run("rename", M.rename, sub, sub2)
run("delete", M.delete, sub2)
run("unsubscribe", M.unsubscribe, work)
run("select", M.select, work)
run("getmetadata", M.xatom, "GETMETADATA", '"" /private/comment')
run("noop", M.noop)
run("check", M.check)
run("close", M.close)
run("delete", M.delete, work)
run("logout", M.logout)
