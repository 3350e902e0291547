#!/usr/bin/env python3
"""Extract small, real dataset subsets from Debian packages into knowledge-base-seeds/datasets/.

Sources (install with: apt-get install dataset-fashion-mnist python3-sklearn weka):
  * Fashion-MNIST (dataset-fashion-mnist, /usr/share/datasets/fashion-mnist, Expat licence)
  * scikit-learn's bundled tables (python3-sklearn, .../sklearn/datasets/data, BSD-3-Clause)
  * Weka's example ARFF files (weka, /usr/share/doc/weka/examples, GPL-2+ package; UCI data)

Deterministic: the subsets are the first N examples of each chosen class in the files' own order, so running
it twice writes the same bytes. Standard library only (no numpy), so any python3 runs it.

Usage: tools/extract-seeds.py [--out knowledge-base-seeds/datasets]
"""
import argparse
import csv
import gzip
import io
import json
import os
import struct
import sys
import zipfile
import zlib

FMNIST_DIR = "/usr/share/datasets/fashion-mnist"
SKLEARN_DIR = "/usr/lib/python3/dist-packages/sklearn/datasets/data"
WEKA_DIR = "/usr/share/doc/weka/examples"
FMNIST_CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

# name -> (split, classes, per-class count, description). Two natural image groups (tops, footwear+bags)
# plus a larger clothing set that trains the image benchmark model.
FMNIST_SUBSETS = {
    "fmnist-clothing6": ("train", [0, 1, 2, 3, 4, 6], 800, "Six clothing classes; pretrains the image benchmark model"),
    "fmnist-tops-a": ("train", [0, 2, 6], 300, "Tops: T-shirt/top, Pullover, Shirt"),
    "fmnist-tops-b": ("t10k", [2, 3, 4], 300, "Tops: Pullover, Dress, Coat"),
    "fmnist-shoes-a": ("train", [5, 7, 9], 300, "Footwear: Sandal, Sneaker, Ankle boot"),
    "fmnist-shoes-bags": ("t10k", [7, 8, 9], 300, "Footwear and bags: Sneaker, Bag, Ankle boot"),
    "fmnist-sandal-bag": ("t10k", [5, 8], 300, "Held out: Sandal, Bag (a new footwear/bag upload)"),
}
ZIP_SUBSET = ("fmnist-bags-zip", "t10k", [8, 5], 40, "Bag and Sandal as PNG files in class-named folders")

SKLEARN_TABLES = {
    "iris": ("iris.csv", ["sepal_length", "sepal_width", "petal_length", "petal_width"]),
    "wine": ("wine_data.csv", ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
                               "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
                               "od280_od315", "proline"]),
    "breast-cancer-wisconsin": ("breast_cancer.csv", [
        f"{stat}_{f}" for stat in ("mean", "se", "worst") for f in (
            "radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
            "concave_points", "symmetry", "fractal_dimension")]),
}
WEKA_FILES = ["diabetes", "glass", "ionosphere", "segment-challenge", "credit-g", "vote"]


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return shape, data[4 + 4 * dims:]


def write_idx_gz(path, magic_type, shape, payload):
    header = struct.pack(">I", (magic_type << 8) | len(shape)) + struct.pack(">" + "I" * len(shape), *shape)
    with open(path, "wb") as raw:
        # mtime=0 keeps the output byte-identical across runs
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
            f.write(header + payload)


def png_gray(width, height, pixels):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + pixels[y * width:(y + 1) * width] for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def fmnist_select(split, classes, per_class):
    (n, h, w), images = read_idx(os.path.join(FMNIST_DIR, f"{split}-images-idx3-ubyte.gz"))
    (_,), labels = read_idx(os.path.join(FMNIST_DIR, f"{split}-labels-idx1-ubyte.gz"))
    taken = {c: 0 for c in classes}
    chosen = []
    for i in range(n):
        c = labels[i]
        if c in taken and taken[c] < per_class:
            taken[c] += 1
            chosen.append(i)
    return h, w, images, labels, chosen


def write_manifest(folder, manifest):
    with open(os.path.join(folder, "dataset.json"), "w") as f:
        json.dump(manifest, f, indent=2, sort_keys=False)
        f.write("\n")


def extract_fmnist(out):
    for name, (split, classes, per_class, description) in FMNIST_SUBSETS.items():
        h, w, images, labels, chosen = fmnist_select(split, classes, per_class)
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        img = b"".join(images[i * h * w:(i + 1) * h * w] for i in chosen)
        # labels are re-numbered 0..k-1 in the order of `classes`; names say which Fashion-MNIST class each is
        lab = bytes(classes.index(labels[i]) for i in chosen)
        write_idx_gz(os.path.join(folder, "images-idx3-ubyte.gz"), 0x08, (len(chosen), h, w), img)
        write_idx_gz(os.path.join(folder, "labels-idx1-ubyte.gz"), 0x08, (len(chosen),), lab)
        write_manifest(folder, {
            "name": name, "format": "idx", "kind": "image", "description": description,
            "files": {"images": "images-idx3-ubyte.gz", "labels": "labels-idx1-ubyte.gz"},
            "classes": [FMNIST_CLASSES[c] for c in classes], "examples": len(chosen),
            "provenance": {"package": "dataset-fashion-mnist", "file": f"{FMNIST_DIR}/{split}-*-ubyte.gz",
                           "selection": f"first {per_class} examples of each class, in file order"},
            "licence": "MIT (Expat), Zalando SE 2017",
        })
    name, split, classes, per_class, description = ZIP_SUBSET
    h, w, images, labels, chosen = fmnist_select(split, classes, per_class)
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    with zipfile.ZipFile(os.path.join(folder, "images.zip"), "w", zipfile.ZIP_STORED) as z:
        for k, i in enumerate(chosen):
            cls = FMNIST_CLASSES[labels[i]].replace("/", "-").replace(" ", "-").lower()
            info = zipfile.ZipInfo(f"{cls}/{k:04d}.png", date_time=(2020, 1, 1, 0, 0, 0))
            z.writestr(info, png_gray(w, h, images[i * h * w:(i + 1) * h * w]))
    write_manifest(folder, {
        "name": name, "format": "image-zip", "kind": "image", "description": description,
        "files": {"archive": "images.zip"}, "classes": [FMNIST_CLASSES[c] for c in classes],
        "examples": len(chosen),
        "provenance": {"package": "dataset-fashion-mnist", "file": f"{FMNIST_DIR}/{split}-*-ubyte.gz",
                       "selection": f"first {per_class} examples of each class, written as 8-bit gray PNG"},
        "licence": "MIT (Expat), Zalando SE 2017",
    })


def write_csv(folder, header, rows):
    with open(os.path.join(folder, "data.csv"), "w", newline="") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(header)
        wr.writerows(rows)


def extract_sklearn(out):
    for name, (file, features) in SKLEARN_TABLES.items():
        with open(os.path.join(SKLEARN_DIR, file)) as f:
            lines = list(csv.reader(f))
        head, body = lines[0], lines[1:]
        class_names = head[2:]
        rows = [r[:-1] + [class_names[int(r[-1])]] for r in body if r]
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        write_csv(folder, features + ["label"], rows)
        write_manifest(folder, {
            "name": name, "format": "csv", "kind": "tabular", "label": "label", "files": {"table": "data.csv"},
            "examples": len(rows), "classes": class_names,
            "provenance": {"package": "python3-sklearn", "file": f"{SKLEARN_DIR}/{file}"},
            "licence": "BSD-3-Clause (scikit-learn); data from the UCI repository",
        })
    with gzip.open(os.path.join(SKLEARN_DIR, "digits.csv.gz"), "rt") as f:
        body = [r for r in csv.reader(f) if r]
    folder = os.path.join(out, "digits-8x8")
    os.makedirs(folder, exist_ok=True)
    write_csv(folder, [f"px_{i // 8}_{i % 8}" for i in range(64)] + ["label"],
              [[v for v in r[:-1]] + [f"digit_{r[-1]}"] for r in body])
    write_manifest(folder, {
        "name": "digits-8x8", "format": "csv", "kind": "tabular", "label": "label", "files": {"table": "data.csv"},
        "examples": len(body), "classes": [f"digit_{d}" for d in range(10)],
        "provenance": {"package": "python3-sklearn", "file": f"{SKLEARN_DIR}/digits.csv.gz"},
        "licence": "BSD-3-Clause (scikit-learn); data from the UCI repository",
    })


def parse_arff(path):
    attrs, rows, in_data = [], [], False
    with open(path, encoding="latin-1") as f:
        for line in f:
            s = line.strip()
            if not s or s.startswith("%"):
                continue
            low = s.lower()
            if low.startswith("@attribute"):
                rest = s[len("@attribute"):].strip()
                if rest.startswith("'"):
                    end = rest.index("'", 1)
                    name, kind = rest[1:end], rest[end + 1:].strip()
                else:
                    name, kind = rest.split(None, 1)
                attrs.append((name, kind))
            elif low.startswith("@data"):
                in_data = True
            elif in_data:
                rows.append([v.strip().strip("'\"") for v in next(csv.reader([s], quotechar="'", skipinitialspace=True))])
    return attrs, rows


def extract_weka(out):
    for stem in WEKA_FILES:
        path = os.path.join(WEKA_DIR, f"{stem}.arff")
        if not os.path.exists(path):
            print(f"skip {path}: not in this weka package", file=sys.stderr)
            continue
        attrs, rows = parse_arff(path)
        names = [a[0].replace(" ", "_") for a in attrs]
        names[-1] = "label"
        rows = [r for r in rows if len(r) == len(names) and "?" not in r]  # drop rows with missing values
        folder = os.path.join(out, f"weka-{stem}")
        os.makedirs(folder, exist_ok=True)
        write_csv(folder, names, rows)
        classes = sorted({r[-1] for r in rows})
        write_manifest(folder, {
            "name": f"weka-{stem}", "format": "csv", "kind": "tabular", "label": "label",
            "files": {"table": "data.csv"}, "examples": len(rows), "classes": classes,
            "provenance": {"package": "weka", "file": path, "selection": "rows without missing values"},
            "licence": "GPL-2+ (Debian weka package); data from the UCI repository",
        })


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--out", default=os.path.join(root, "knowledge-base-seeds", "datasets"))
    args = parser.parse_args()
    for d in (FMNIST_DIR, SKLEARN_DIR, WEKA_DIR):
        if not os.path.isdir(d):
            sys.exit(f"missing {d}: apt-get install dataset-fashion-mnist python3-sklearn weka")
    os.makedirs(args.out, exist_ok=True)
    extract_fmnist(args.out)
    extract_sklearn(args.out)
    extract_weka(args.out)
    print(f"wrote {len(os.listdir(args.out))} datasets to {args.out}")


if __name__ == "__main__":
    main()
