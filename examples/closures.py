"""Closures see variables, not values: every lambda made in the loop sees the last i."""

multipliers = []
for i in range(3):
    multipliers.append(lambda x: x * i)

print([m(10) for m in multipliers])  # [20, 20, 20], not [0, 10, 20]

bound = [lambda x, i=i: x * i for i in range(3)]
print([m(10) for m in bound])  # [0, 10, 20]
