"""Underscores mean something: hover the names to see what."""


class Account:
    """A bank account whose balance only changes through deposit()."""

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.__balance = balance  # stored as _Account__balance
        self._cache = None

    def deposit(self, amount):
        self.__balance += amount

    def __repr__(self):
        return f"Account({self.owner!r})"

    def __eq__(self, other):
        return isinstance(other, Account) and self.owner == other.owner

    def __hash__(self):
        return hash(self.owner)

    def __len__(self):
        return 1


def render(tag, class_=None):
    return f"<{tag} class={class_!r}>"


for _ in range(2):
    print(Account("ada"))
print(Account("ada")._Account__balance)  # the "private" name is still reachable


# PP101: Name hides a builtin function or type
def unique(text):
    list = text.split()
    return list(set(list))  # TypeError: this `list` is the local one


# PP102: Special-looking name that Python never uses
class Account:
    def __innit__(self, owner):
        self.owner = owner

Account("ann")  # TypeError: Account() takes no arguments


# PP103: Private `__name` attribute used outside the class that owns it
class Wallet:
    def __init__(self):
        self.__coins = 0


class Purse(Wallet):
    def total(self):
        return self.__coins  # AttributeError: inside Purse this name means something else
