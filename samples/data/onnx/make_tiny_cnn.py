#!/usr/bin/python3
"""Makes the test ONNX model of `simzsl features` and what the tests compare it with.

Writes, beside this script:
  tiny_cnn.onnx          a seeded CNN (conv-relu-maxpool-conv-relu-avgpool-linear), input `image` N x 3 x 28 x 28
                         float32 with a dynamic batch, outputs `features` (N x 16) and `pooled` (N x 16 x 1 x 1)
  images/<class>/*.png   a small image folder made from the shipped Fashion-MNIST test subset
  expected_images.npy    the network's own `features` on images/ (classes and files in ordinal name order)
  expected_idx.npy       the network's own `features` on the first 32 images of
                         ../FashionMNIST/t10k-images-idx3-ubyte.gz (grey replicated to 3 channels)

The preprocessing here is SimZsl.Onnx's, written independently with torch: pixels / 255, the shorter side resized
to 28 with torch's antialiased bilinear interpolation (what torchvision's Resize does on tensors), a centre crop
whose offset is rounded half to even (Python's round, as torchvision's CenterCrop), then (x - mean) / std with the
ImageNet mean and standard deviation.

Run from the repository root with Debian's python3-torch 1.13, python3-onnx and python3-pil:
  /usr/bin/python3 samples/data/onnx/make_tiny_cnn.py
"""
import gzip
import os

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
FASHION = os.path.join(HERE, "..", "FashionMNIST")
SIZE = 28
MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)
IDX_IMAGES = 32


class TinyCnn(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(3, 8, 3, padding=1)
        self.conv2 = torch.nn.Conv2d(8, 16, 3, stride=2, padding=1)
        self.linear = torch.nn.Linear(16, 16)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)           # 8 x 14 x 14
        pooled = F.avg_pool2d(F.relu(self.conv2(x)), 7)       # 16 x 1 x 1
        return self.linear(pooled.flatten(1)), pooled


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    rank = data[3]
    shape = [int.from_bytes(data[4 + 4 * d: 8 + 4 * d], "big") for d in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(shape)


def preprocess(rgb):
    """rgb: H x W x 3 uint8 -> 3 x 28 x 28 float32, as SimZsl.Onnx's default for this model."""
    x = torch.from_numpy(rgb.astype(np.float32) / 255.0).permute(2, 0, 1)
    h, w = x.shape[1:]
    if min(h, w) != SIZE:
        short, long = (h, w) if h <= w else (w, h)
        new_long = int(SIZE * long / short)
        size = (SIZE, new_long) if h <= w else (new_long, SIZE)
        x = F.interpolate(x[None], size=size, mode="bilinear", align_corners=False, antialias=True)[0]
        h, w = size
    top, left = int(round((h - SIZE) / 2.0)), int(round((w - SIZE) / 2.0))
    x = x[:, top:top + SIZE, left:left + SIZE]
    return (x - torch.from_numpy(MEAN)[:, None, None]) / torch.from_numpy(STD)[:, None, None]


def make_images(images, labels):
    """Three classes, each in another PNG kind, so that decoding, channel order and alpha are all exercised."""
    out = os.path.join(HERE, "images")
    picks = {"Trouser": 1, "Sneaker": 7, "Bag": 8}
    for name, label in picks.items():
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        for k, index in enumerate(np.flatnonzero(labels == label)[:3]):
            grey = images[index]
            path = os.path.join(folder, f"{k}.png")
            if name == "Trouser":                              # 8-bit grey PNG
                Image.fromarray(grey, mode="L").save(path)
            elif name == "Sneaker":                            # RGB PNG, three different channels
                rgb = np.stack([grey, 255 - grey, grey // 2], axis=-1)
                Image.fromarray(rgb, mode="RGB").save(path)
            else:                                              # RGBA PNG: alpha must be ignored
                rgba = np.stack([grey // 3, grey, 255 - grey // 2, np.full_like(grey, 128 + 40 * k)], axis=-1)
                Image.fromarray(rgba, mode="RGBA").save(path)
        if name == "Bag":
            # One image not at the model's size: 40 wide, 30 high, so the shorter side is resized (30 -> 28, width
            # int(28 * 40 / 30) = 37) and the centre crop starts at round(4.5) = 4 (half to even).
            index = np.flatnonzero(labels == label)[3]
            big = np.array(Image.fromarray(images[index]).resize((40, 30), Image.NEAREST))
            rgb = np.stack([big, big // 2, 255 - big], axis=-1)
            Image.fromarray(rgb, mode="RGB").save(os.path.join(folder, "3-wide.png"))
    return out


def load_folder(root):
    """The folder's images as RGB arrays, classes and files in ordinal (byte) order, as ImageFolder reads them."""
    rows = []
    for name in sorted(os.listdir(root)):
        for file in sorted(os.listdir(os.path.join(root, name))):
            rows.append(np.array(Image.open(os.path.join(root, name, file)).convert("RGB")))
    return rows


def main():
    torch.manual_seed(0)
    model = TinyCnn().eval()
    images = read_idx(os.path.join(FASHION, "t10k-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(FASHION, "t10k-labels-idx1-ubyte.gz"))

    onnx_path = os.path.join(HERE, "tiny_cnn.onnx")
    torch.onnx.export(
        model, torch.zeros(1, 3, SIZE, SIZE), onnx_path, opset_version=13,
        input_names=["image"], output_names=["features", "pooled"],
        dynamic_axes={"image": {0: "batch"}, "features": {0: "batch"}, "pooled": {0: "batch"}})
    import onnx
    onnx.checker.check_model(onnx.load(onnx_path))

    folder = make_images(images, labels)
    with torch.no_grad():
        x = torch.stack([preprocess(rgb) for rgb in load_folder(folder)])
        np.save(os.path.join(HERE, "expected_images.npy"), model(x)[0].numpy().astype("<f4"))
        grey = images[:IDX_IMAGES]
        x = torch.stack([preprocess(np.repeat(g[:, :, None], 3, axis=2)) for g in grey])
        np.save(os.path.join(HERE, "expected_idx.npy"), model(x)[0].numpy().astype("<f4"))
    print("wrote", onnx_path, os.path.getsize(onnx_path), "bytes")


if __name__ == "__main__":
    main()
