class Account:
    def __init__(self, owner):
        self.__pin = 1234
        self.owner = owner

    def __repr__(self):
        return f"Account({self.owner!r})"
