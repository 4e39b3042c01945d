import pickle, sys
a = pickle.load(open(sys.argv[1], "rb")); b = pickle.load(open(sys.argv[2], "rb"))
diff = [k for k in set(a) | set(b) if a.get(k) != b.get(k)]
print(len(a), len(b), "differ:", len(diff))
for k in diff[:10]: print(k[:120], a.get(k), b.get(k))
