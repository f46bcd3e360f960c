"""The regional attention mask over [regional text ; image], built once per call on the device.

Every token gets a bit set of the regions it belongs to: a regional text token has the one bit
of its region; an image token has the bits of every region that contains it (the background
counts as a region: the tokens in no other region). Two tokens may attend to each other exactly
when their bit sets intersect, which gives the method's mask (arXiv 2411.02395) in one rule:

- text of region i <-> text of region j only when i == j (block diagonal);
- text of region i <-> image tokens inside region i, both directions;
- image <-> image when some region contains both (or both lie in the background).

A token in two overlapping regions belongs to both, and never to the background.
"""

from __future__ import annotations

import torch

MAX_MASK_REGIONS = 62  # bits available in an int64, with room to spare


def token_region_bits(memberships: torch.Tensor, text_lengths: list[int]) -> torch.Tensor:
    """(sum(text_lengths) + P,) int64 bit sets for [regional text ; image].

    `memberships` is (R, P) bool, one row per region (background included), in the same order
    as `text_lengths` (each region's number of text tokens).
    """
    regions = memberships.shape[0]
    if regions != len(text_lengths):
        raise ValueError(f"{regions} region masks but {len(text_lengths)} regional prompts")
    if regions > MAX_MASK_REGIONS:
        raise ValueError(f"at most {MAX_MASK_REGIONS} regions can be masked, got {regions}")
    device = memberships.device
    region_bits = torch.ones(regions, dtype=torch.int64, device=device) << torch.arange(
        regions, device=device
    )
    lengths = torch.tensor(text_lengths, device=device)
    text_bits = torch.repeat_interleave(region_bits, lengths)
    image_bits = (memberships.to(torch.int64) * region_bits[:, None]).sum(dim=0)
    return torch.cat([text_bits, image_bits])


def dense_mask(bits: torch.Tensor, rows_per_chunk: int = 1024) -> torch.Tensor:
    """(1, 1, S, S) bool mask, True = may attend, for SDPA.

    Built a band of rows at a time: the bitwise AND is int64, so one S x S pass would hold 8
    bytes per entry for a moment (1.2 GB at 16 regions padded to 512 tokens) where the mask
    itself needs one.
    """
    size = bits.shape[0]
    mask = torch.empty(size, size, dtype=torch.bool, device=bits.device)
    for start in range(0, size, rows_per_chunk):
        rows = bits[start : start + rows_per_chunk]
        mask[start : start + rows.shape[0]] = (rows[:, None] & bits[None, :]) != 0
    return mask[None, None]


def block_mask(bits: torch.Tensor, block_size: int = 128):
    """A FlexAttention BlockMask of the same rule; fully masked tiles are skipped."""
    from torch.nn.attention.flex_attention import create_block_mask

    def mask_mod(batch, head, q_idx, kv_idx):
        return (bits[q_idx] & bits[kv_idx]) != 0

    size = bits.shape[0]
    return create_block_mask(
        mask_mod, B=None, H=None, Q_LEN=size, KV_LEN=size, device=bits.device, BLOCK_SIZE=block_size
    )
