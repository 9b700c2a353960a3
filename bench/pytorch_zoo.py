#!/usr/bin/env python3
"""The peers of `nnx bench --zoo`: trains one zoo model (experiments/zoo/*.nnx) with PyTorch on the CPU, or with
numpy in float32, as the .nnx file says, and prints one line

    RESULT peer=torch model=NAME threads=N samples_per_s=... test_acc=... seconds=...

Only the part of the .nnx language the zoo uses is read: one experiment with `dataset`, a `model { }` of dense,
sigmoid, tanh, relu, leaky_relu, step, dropout and batch_norm layers (and for PyTorch conv2d, max_pool, avg_pool,
global_avg_pool and flatten on the 1x28x28 images), `loss cross_entropy`, an optimizer (sgd, momentum, nesterov,
adagrad, rmsprop, adam), learning_rate, weight_decay, batch_size, epochs and seed; `import "FILE"` and
`experiment NAME extends BASE` take the base's settings and override those the experiment gives. Anything else
is refused with the file, line and what, so a zoo file the peers would train differently never passes.

The semantics follow docs/language.md: a layer's default init is he for conv2d and for a dense next to a relu,
xavier otherwise (a normal draw, biases zero); momentum v <- mu*v - lr*g; Nesterov as PyTorch; every epsilon 1e-7;
weight decay on the weights only (not biases, not batch norm); batch_norm's momentum is the running average's
keep factor (PyTorch's momentum = 1 - it); inverted dropout; shuffled epochs, the last batch partial.
Training time only is timed (samples/s = epochs * N / seconds); test accuracy is measured once, at the end.

    pytorch_zoo.py --framework torch|numpy --data DIR [--epochs N] [--threads N] FILE.nnx
    pytorch_zoo.py --parse FILE.nnx...   prints each model as read and its parameter count (needs torch)
"""
import argparse
import gzip
import math
import os
import re
import sys
import time

EPSILON = 1e-7


class NnxError(Exception):
    pass


# ---------------------------------------------------------------------------------------------------------
# Reading the .nnx subset

def _value(text, where):
    text = text.strip()
    try:
        if re.fullmatch(r"[-+]?\d+", text):
            return int(text)
        return float(text)
    except ValueError:
        raise NnxError(f"{where}: '{text}' is not a number")


def _call(text, where):
    """`name`, `name(a, k = v)` or `name a, k = v` -> (name, [positional], {keyword})."""
    match = re.fullmatch(r"([a-z_][a-z0-9_]*)\s*(?:\((.*)\)|(.*))", text.strip())
    if not match:
        raise NnxError(f"{where}: cannot read '{text.strip()}'")
    name, inner = match.group(1), match.group(2) if match.group(2) is not None else match.group(3)
    args, kwargs = [], {}
    for part in [p for p in (inner or "").split(",") if p.strip()]:
        if "=" in part:
            key, value = part.split("=", 1)
            value = value.strip()
            inner_call = re.fullmatch(r"([a-z_]+)\((.*)\)", value)
            kwargs[key.strip()] = (inner_call.group(1), _value(inner_call.group(2), where)) if inner_call \
                else (value if re.fullmatch(r"[a-z_]+", value) else _value(value, where))
        else:
            args.append(_value(part, where))
    return name, args, kwargs


LAYERS = {"dense", "sigmoid", "tanh", "relu", "leaky_relu", "step", "dropout", "batch_norm"}
IMAGE_LAYERS = {"conv2d", "max_pool", "avg_pool", "global_avg_pool", "flatten"}
OPTIMIZERS = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"}


def parse(path):
    spec = _parse(path)
    dataset, where = spec.get("dataset", ("", path))
    if dataset != "fashion_mnist":
        raise NnxError(f"{where}: the zoo's peers train on fashion_mnist only, not '{dataset}'")
    for required in ("name", "learning_rate", "epochs"):
        if required not in spec:
            raise NnxError(f"{path}: no {required}")
    if not spec["layers"] or spec["layers"][-1][0] != "dense":
        raise NnxError(f"{path}: the model must end with a dense layer (the class scores)")
    return spec


def _parse(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    spec = {"file": path, "layers": [], "weight_decay": 0.0, "optimizer": ("sgd", {}), "seed": 0,
            "batch_size": 100}
    imported = {}
    in_model = False
    model_given = False
    seen_experiment = False
    for number, raw in enumerate(lines, 1):
        where = f"{path}:{number}"
        line = raw.split("//", 1)[0].strip()
        if not line:
            continue
        if in_model:
            if line == "}":
                in_model = False
                continue
            name, args, kwargs = _call(line, where)
            if name not in LAYERS and name not in IMAGE_LAYERS:
                raise NnxError(f"{where}: the zoo's peers know no layer '{name}'")
            spec["layers"].append((name, args, kwargs))
            continue
        match = re.fullmatch(r'import\s+"([^"]+)"', line)
        if match:
            base = _parse(os.path.join(os.path.dirname(path), match.group(1)))
            imported[base["name"]] = base
            continue
        match = re.fullmatch(r"experiment\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+extends\s+([A-Za-z_][A-Za-z0-9_]*))?\s*\{",
                             line)
        if match:
            if seen_experiment:
                raise NnxError(f"{where}: a zoo file holds one experiment")
            seen_experiment = True
            if match.group(2):
                if match.group(2) not in imported:
                    raise NnxError(f"{where}: no imported experiment '{match.group(2)}'")
                spec.update({key: value for key, value in imported[match.group(2)].items() if key != "file"})
            spec["name"] = match.group(1)
            continue
        if line == "}":
            continue
        if re.fullmatch(r"model\s*\{", line):
            if model_given:
                raise NnxError(f"{where}: one model a file")
            in_model = model_given = True
            spec["layers"] = []
            continue
        keyword, _, rest = line.partition(" ")
        rest = rest.strip()
        if keyword == "description":
            spec["description"] = rest.strip('"')
        elif keyword == "dataset":
            spec["dataset"] = (rest, where)
        elif keyword == "loss":
            if rest != "cross_entropy":
                raise NnxError(f"{where}: the zoo's peers know loss cross_entropy only, not '{rest}'")
        elif keyword == "optimizer":
            name, args, kwargs = _call(rest, where)
            if name not in OPTIMIZERS or args:
                raise NnxError(f"{where}: the zoo's peers know no optimizer '{rest}'")
            spec["optimizer"] = (name, kwargs)
        elif keyword in ("learning_rate", "weight_decay"):
            spec[keyword] = float(_value(rest, where))
        elif keyword in ("batch_size", "epochs", "seed"):
            spec[keyword] = int(_value(rest, where))
        else:
            raise NnxError(f"{where}: the zoo's peers do not read '{keyword}'")
    return spec


def describe(spec):
    parts = []
    for name, args, kwargs in spec["layers"]:
        parts.append(name + (":" + str(args[0]) if args else ""))
    optimizer, options = spec["optimizer"]
    return (f"MODEL name={spec['name']} layers={','.join(parts)} optimizer={optimizer} "
            f"learning_rate={spec['learning_rate']:g} weight_decay={spec['weight_decay']:g} "
            f"batch_size={spec['batch_size']} epochs={spec['epochs']}")


# ---------------------------------------------------------------------------------------------------------
# Data: Fashion-MNIST's IDX files, as floats in [0, 1]

def load(folder):
    import numpy as np

    def read(stem):
        for name in (stem, stem + ".gz"):
            path = os.path.join(folder, name)
            if os.path.exists(path):
                with (gzip.open if name.endswith(".gz") else open)(path, "rb") as f:
                    data = f.read()
                dims = data[3]
                shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
                return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)
        raise NnxError(f"{folder}: no {stem}[.gz]")

    x_train = read("train-images-idx3-ubyte").reshape(-1, 784).astype(np.float32) / 255
    x_test = read("t10k-images-idx3-ubyte").reshape(-1, 784).astype(np.float32) / 255
    return x_train, read("train-labels-idx1-ubyte").astype(np.int64), x_test, \
        read("t10k-labels-idx1-ubyte").astype(np.int64)


def default_init(layers, index):
    """nnx's default: he for conv2d, and for a dense layer with a relu right before or after it; else xavier."""
    name = layers[index][0]
    if name == "conv2d":
        return "he"
    neighbours = [layers[i][0] for i in (index - 1, index + 1) if 0 <= i < len(layers)]
    return "he" if "relu" in neighbours else "xavier"


def init_std(kwargs, fan_in, fan_out, default="xavier"):
    init = kwargs.get("init", default)
    if init == "he":
        return math.sqrt(2.0 / fan_in)
    if init == "xavier":
        return math.sqrt(1.0 / fan_in)
    if isinstance(init, tuple) and init[0] == "gaussian":
        return float(init[1])
    raise NnxError(f"the zoo's peers know init he, xavier and gaussian(std), not {init}")


# ---------------------------------------------------------------------------------------------------------
# PyTorch

def _pair(value):
    return tuple(value) if isinstance(value, (list, tuple)) else (int(value), int(value))


def torch_model(spec, width=784):
    import torch
    from torch import nn

    class Step(nn.Module):
        def forward(self, x):
            return (x > 0).to(x.dtype)  # no gradient flows back, as nnx's step

    modules = []
    image = None  # (channels, height, width) while the data are images
    layers = spec["layers"]
    if any(name in IMAGE_LAYERS for name, _, _ in layers):
        image = (1, 28, 28)
        modules.append(nn.Unflatten(1, image))
    for index, (name, args, kwargs) in enumerate(layers):
        if name in ("dense", "flatten") and image is not None:
            modules.append(nn.Flatten())
            width, image = image[0] * image[1] * image[2], None
        if name == "dense":
            layer = nn.Linear(width, args[0])
            with torch.no_grad():
                layer.weight.normal_(0.0, init_std(kwargs, width, args[0], default_init(layers, index)))
                layer.bias.zero_()
            width = args[0]
            modules.append(layer)
        elif name == "conv2d":
            size = _pair(kwargs.get("size", 3))
            stride = _pair(kwargs.get("stride", 1))
            pad = _pair(kwargs.get("pad", 0))
            layer = nn.Conv2d(image[0], args[0], size, stride=stride, padding=pad, bias=kwargs.get("bias", "true") == "true")
            with torch.no_grad():
                fan_in = image[0] * size[0] * size[1]
                layer.weight.normal_(0.0, init_std(kwargs, fan_in, args[0] * size[0] * size[1], "he"))
                if layer.bias is not None:
                    layer.bias.zero_()
            image = (args[0], (image[1] + 2 * pad[0] - size[0]) // stride[0] + 1,
                     (image[2] + 2 * pad[1] - size[1]) // stride[1] + 1)
            modules.append(layer)
        elif name in ("max_pool", "avg_pool"):
            size = _pair(args[0] if args else kwargs.get("size", 2))
            stride = _pair(kwargs.get("stride", size))
            modules.append((nn.MaxPool2d if name == "max_pool" else nn.AvgPool2d)(size, stride))
            image = (image[0], (image[1] - size[0]) // stride[0] + 1, (image[2] - size[1]) // stride[1] + 1)
        elif name == "global_avg_pool":
            modules.extend([nn.AdaptiveAvgPool2d(1), nn.Flatten()])
            width, image = image[0], None
        elif name == "sigmoid":
            modules.append(nn.Sigmoid())
        elif name == "tanh":
            modules.append(nn.Tanh())
        elif name == "relu":
            modules.append(nn.ReLU())
        elif name == "leaky_relu":
            modules.append(nn.LeakyReLU(kwargs.get("alpha", 0.01)))
        elif name == "step":
            modules.append(Step())
        elif name == "dropout":
            modules.append(nn.Dropout(args[0] if args else kwargs["rate"]))
        elif name == "batch_norm":
            norm = nn.BatchNorm1d if image is None else nn.BatchNorm2d
            modules.append(norm(width if image is None else image[0], eps=kwargs.get("epsilon", 1e-5),
                                momentum=1.0 - kwargs.get("momentum", 0.9)))
    return nn.Sequential(*modules)


def torch_optimizer(spec, model):
    import torch
    decayed = [p for m in model.modules() if isinstance(m, (torch.nn.Linear, torch.nn.Conv2d)) for p in [m.weight]]
    decayed_ids = {id(p) for p in decayed}
    others = [p for p in model.parameters() if id(p) not in decayed_ids]
    groups = [{"params": decayed, "weight_decay": spec["weight_decay"]}, {"params": others, "weight_decay": 0.0}]
    name, options = spec["optimizer"]
    lr = spec["learning_rate"]
    eps = options.get("epsilon", EPSILON)
    if name == "sgd":
        return torch.optim.SGD(groups, lr=lr)
    if name in ("momentum", "nesterov"):
        return torch.optim.SGD(groups, lr=lr, momentum=options.get("momentum", 0.9), nesterov=name == "nesterov")
    if name == "adagrad":
        return torch.optim.Adagrad(groups, lr=lr, eps=eps)
    if name == "rmsprop":
        return torch.optim.RMSprop(groups, lr=lr, alpha=options.get("decay", 0.99), eps=eps)
    return torch.optim.Adam(groups, lr=lr, betas=(options.get("beta1", 0.9), options.get("beta2", 0.999)), eps=eps)


def train_torch(spec, data, epochs, threads):
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(spec["seed"])
    x_train, y_train, x_test, y_test = (torch.from_numpy(a.copy()) for a in data)
    model = torch_model(spec)
    optimizer = torch_optimizer(spec, model)
    loss_function = torch.nn.CrossEntropyLoss()
    n, batch = len(x_train), spec["batch_size"]
    model.train()
    started = time.perf_counter()
    for _ in range(epochs):
        order = torch.randperm(n)
        for start in range(0, n, batch):
            rows = order[start:start + batch]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_function(model(x_train[rows]), y_train[rows])
            loss.backward()
            optimizer.step()
    seconds = time.perf_counter() - started
    model.eval()
    with torch.no_grad():
        accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
    return epochs * n / seconds, accuracy, seconds


# ---------------------------------------------------------------------------------------------------------
# numpy, float32

def train_numpy(spec, data, epochs, threads):
    import numpy as np
    if any(name in IMAGE_LAYERS for name, _, _ in spec["layers"]):
        raise NnxError(f"{spec['file']}: the numpy peer trains dense models only, not conv2d or pools")
    f32 = np.float32
    rng = np.random.default_rng(spec["seed"])
    x_train, y_train, x_test, y_test = data
    layers = []  # (kind, state dict)
    width = 784
    for index, (name, args, kwargs) in enumerate(spec["layers"]):
        state = {"kwargs": kwargs}
        if name == "dense":
            std = init_std(kwargs, width, args[0], default_init(spec["layers"], index))
            state["W"] = (rng.standard_normal((width, args[0])) * std).astype(f32)
            state["b"] = np.zeros(args[0], f32)
            width = args[0]
        elif name == "batch_norm":
            state.update(gamma=np.ones(width, f32), beta=np.zeros(width, f32), mean=np.zeros(width, f32),
                         var=np.ones(width, f32))
        elif name == "dropout":
            state["rate"] = args[0] if args else kwargs["rate"]
        layers.append((name, state))

    def forward(x, training):
        for name, s in layers:
            if name == "dense":
                s["x"] = x
                x = x @ s["W"] + s["b"]
            elif name == "sigmoid":
                x = s["y"] = 1 / (1 + np.exp(-x))
            elif name == "tanh":
                x = s["y"] = np.tanh(x)
            elif name == "relu":
                s["mask"] = x > 0
                x = x * s["mask"]
            elif name == "leaky_relu":
                s["mask"] = x > 0
                x = np.where(s["mask"], x, x * f32(s["kwargs"].get("alpha", 0.01)))
            elif name == "step":
                x = (x > 0).astype(f32)
            elif name == "dropout" and training:
                keep = 1 - s["rate"]
                s["mask"] = (rng.random(x.shape, dtype=f32) < keep).astype(f32) / f32(keep)
                x = x * s["mask"]
            elif name == "batch_norm":
                eps = f32(s["kwargs"].get("epsilon", 1e-5))
                if training:
                    mean, var = x.mean(0), x.var(0)
                    keep = f32(s["kwargs"].get("momentum", 0.9))
                    s["mean"] = keep * s["mean"] + (1 - keep) * mean
                    s["var"] = keep * s["var"] + (1 - keep) * var
                    s["inv"] = 1 / np.sqrt(var + eps)
                    s["xhat"] = (x - mean) * s["inv"]
                    x = s["gamma"] * s["xhat"] + s["beta"]
                else:
                    x = s["gamma"] * (x - s["mean"]) / np.sqrt(s["var"] + eps) + s["beta"]
        return x

    def backward(dy):
        grads = []
        for index in range(len(layers) - 1, -1, -1):
            name, s = layers[index]
            if name == "dense":
                grads.append((s, "W", s["x"].T @ dy))
                grads.append((s, "b", dy.sum(0)))
                if index == 0:
                    break
                dy = dy @ s["W"].T
            elif name == "sigmoid":
                dy = dy * s["y"] * (1 - s["y"])
            elif name == "tanh":
                dy = dy * (1 - s["y"] * s["y"])
            elif name == "relu":
                dy = dy * s["mask"]
            elif name == "leaky_relu":
                dy = np.where(s["mask"], dy, dy * f32(s["kwargs"].get("alpha", 0.01)))
            elif name == "step":
                break  # no gradient passes a step
            elif name == "dropout":
                dy = dy * s["mask"]
            elif name == "batch_norm":
                grads.append((s, "gamma", (dy * s["xhat"]).sum(0)))
                grads.append((s, "beta", dy.sum(0)))
                dxhat = dy * s["gamma"]
                dy = s["inv"] * (dxhat - dxhat.mean(0) - s["xhat"] * (dxhat * s["xhat"]).mean(0))
        return grads

    name, options = spec["optimizer"]
    lr, decay = f32(spec["learning_rate"]), f32(spec["weight_decay"])
    eps = f32(options.get("epsilon", EPSILON))
    slots = {}
    t = [0]

    def update(grads):
        t[0] += 1
        for s, key, g in grads:
            if key == "W" and decay:
                g = g + decay * s[key]
            p = s[key]
            slot = slots.setdefault((id(s), key), [np.zeros_like(p), np.zeros_like(p)])
            if name == "sgd":
                p -= lr * g
            elif name in ("momentum", "nesterov"):
                mu = f32(options.get("momentum", 0.9))
                v = slot[0]
                v *= mu
                v -= lr * g
                p += (mu * v - lr * g) if name == "nesterov" else v
            elif name == "adagrad":
                slot[0] += g * g
                p -= lr * g / (np.sqrt(slot[0]) + eps)
            elif name == "rmsprop":
                rho = f32(options.get("decay", 0.99))
                slot[0] *= rho
                slot[0] += (1 - rho) * g * g
                p -= lr * g / (np.sqrt(slot[0]) + eps)
            else:
                b1, b2 = f32(options.get("beta1", 0.9)), f32(options.get("beta2", 0.999))
                slot[0] += (1 - b1) * (g - slot[0])
                slot[1] += (1 - b2) * (g * g - slot[1])
                step = lr * math.sqrt(1 - b2 ** t[0]) / (1 - b1 ** t[0])
                p -= f32(step) * slot[0] / (np.sqrt(slot[1]) + eps)

    n, batch = len(x_train), spec["batch_size"]
    started = time.perf_counter()
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch):
            rows = order[start:start + batch]
            scores = forward(x_train[rows], True)
            scores -= scores.max(1, keepdims=True)
            probabilities = np.exp(scores)
            probabilities /= probabilities.sum(1, keepdims=True)
            probabilities[np.arange(len(rows)), y_train[rows]] -= 1
            update(backward(probabilities / f32(len(rows))))
    seconds = time.perf_counter() - started
    accuracy = float((forward(x_test, False).argmax(1) == y_test).mean())
    return epochs * n / seconds, accuracy, seconds


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", metavar="file")
    parser.add_argument("--framework", choices=("torch", "numpy"), default="torch")
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--epochs", type=int)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--parse", action="store_true")
    options = parser.parse_args(argv)
    try:
        if options.parse:
            for file in options.files:
                spec = parse(file)
                model = torch_model(spec)
                print(describe(spec) + f" parameters={sum(p.numel() for p in model.parameters())}")
            return 0
        if len(options.files) != 1:
            raise NnxError("one .nnx file is trained at a time")
        spec = parse(options.files[0])
        data = load(options.data)
        epochs = options.epochs or spec["epochs"]
        if options.framework == "torch":
            samples, accuracy, seconds = train_torch(spec, data, epochs, options.threads)
            peer = "torch"
        else:
            from threadpoolctl import threadpool_limits
            with threadpool_limits(options.threads):
                samples, accuracy, seconds = train_numpy(spec, data, epochs, options.threads)
            peer = "numpy"
    except NnxError as e:
        print(f"pytorch_zoo: {e}", file=sys.stderr)
        return 2
    print(f"RESULT peer={peer} model={spec['name']} threads={options.threads} samples_per_s={samples:.1f} "
          f"test_acc={accuracy:.4f} seconds={seconds:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
