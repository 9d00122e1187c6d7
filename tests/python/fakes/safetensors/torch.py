"""FAKE of `safetensors.torch` (load and save of bytes); see the package docstring."""
from . import FakeTensor, deserialize, serialize


def load(data: bytes) -> dict[str, FakeTensor]:
    """As safetensors.torch.load: tensors from the bytes of a .safetensors file."""
    return deserialize(data)


def save(tensors: dict[str, FakeTensor]) -> bytes:
    """As safetensors.torch.save: the bytes of a .safetensors file."""
    return serialize(tensors)
