"""Text and bytes, files and locks: the resources the post says to close and normalise."""


# PP601: String literal not in Unicode NFC form
GREETING = "café"  # the accent typed as a separate combining character

def is_greeting(word):
    return word == GREETING


# PP602: File opened in binary mode only to decode what is read
def load_template(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8")


# PP603: File opened without `with` and not closed in a `finally`
def first_line(path):
    f = open(path)
    line = f.readline()
    f.close()
    return line


# PP604: `acquire()` and `release()` without `with` or `try`/`finally`
import threading

lock = threading.Lock()

def deposit(account, amount):
    lock.acquire()
    account.balance += amount
    lock.release()
