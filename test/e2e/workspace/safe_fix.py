class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __hash__(self):
        return hash(self.a) ^ hash(self.b)
