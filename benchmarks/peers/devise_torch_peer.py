#!/usr/bin/python3
"""PyTorch peer of TrainingBenchmarks: the same DeViSE model (linear 2048 -> 300 projection, hinge rank loss with
margin 0.1 on dot-product compatibility, AdamW lr 1e-3 wd 1e-4, batch 256, reshuffled every epoch, loss.item() every
step as the .NET trainer does for its NaN check) on the same sizes. Prints training samples per second.

    /usr/bin/python3 benchmarks/peers/devise_torch_peer.py [--threads 1] [--samples 4096] [--epochs 4] [--repeats 5]
"""
import argparse
import statistics
import time

import torch
import torch.nn.functional as F


def hinge_rank(scores, targets, margin):
    correct = scores.gather(1, targets.unsqueeze(1))
    violations = F.relu(margin - correct + scores)
    others = 1 - F.one_hot(targets, scores.shape[1]).to(scores.dtype)
    return (violations * others).sum(1).mean()


def train(x, y, prototypes, epochs, batch, generator):
    model = torch.nn.Linear(x.shape[1], prototypes.shape[1])
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    for _ in range(epochs):
        order = torch.randperm(x.shape[0], generator=generator)
        for start in range(0, x.shape[0], batch):
            index = order[start:start + batch]
            optimizer.zero_grad()
            loss = hinge_rank(model(x[index]) @ prototypes.t(), y[index], 0.1)
            if not torch.isfinite(torch.tensor(loss.item())):
                raise RuntimeError("loss diverged")
            loss.backward()
            optimizer.step()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--samples", type=int, default=4096)
    parser.add_argument("--features", type=int, default=2048)
    parser.add_argument("--dim", type=int, default=300)
    parser.add_argument("--classes", type=int, default=40)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(args.samples, args.features)
    y = torch.randint(0, args.classes, (args.samples,))
    prototypes = torch.randn(args.classes, args.dim)
    train(x, y, prototypes, 1, args.batch, generator)  # warm-up
    rates = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        train(x, y, prototypes, args.epochs, args.batch, generator)
        rates.append(args.samples * args.epochs / (time.perf_counter() - start))
    print(f"pytorch {torch.__version__} threads={args.threads}: median {statistics.median(rates):.0f} samples/s "
          f"(min {min(rates):.0f}, max {max(rates):.0f}) over {args.repeats} runs of {args.epochs} epochs x {args.samples} samples")


if __name__ == "__main__":
    main()
