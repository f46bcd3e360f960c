"""Region-aware attention processors for a stock diffusers FluxTransformer2DModel.

During the controlled steps the text sequence the transformer sees is [base text ; regional
text] (the per-token layers of a block treat the two runs independently, so carrying them as
one sequence is the same as carrying two streams). Each processor then runs two attentions that
share the image tokens' projections:

- base attention over [base text ; image], unmasked;
- regional attention over [regional text ; image], with the regional mask in the blocks the
  intervals select and unmasked in the others;

and blends the image part: out = (1 - base_ratio) * regional + base_ratio * base. Text tokens
keep the output of their own attention. In the single blocks the base attention may use the base
stream's own copy of the image (the authors' structure), which rides in the text part of the
sequence. When a call carries no regional context the processor is exactly diffusers' own.

Work saved on purpose (tests/test_equivalence.py checks each against a plain reference): the
image tokens are projected once for both attentions; in single blocks without the image copy
the regional attention reads [regional text ; image] as a slice of the sequence, not a copy;
RoPE runs once over the whole sequence; at base_ratio 0 the base attention computes only its
text rows (its image rows would be blended with weight 0). The BlockMask path uses
FlexAttention, compiled on first use on CUDA and eager elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from diffusers.models.attention_dispatch import dispatch_attention_fn
from diffusers.models.embeddings import apply_rotary_emb
from diffusers.models.transformers.transformer_flux import FluxAttnProcessor


@dataclass(frozen=True)
class RegionalContext:
    """What the processors need for one call; lives only as long as that call.

    Lengths are in tokens: base text, regional text (all regions, background included), image.
    `mask` covers [regional text ; image]: a (1, 1, S, S) bool tensor or a FlexAttention BlockMask.
    """

    base_len: int
    regional_len: int
    image_len: int
    base_ratio: float
    base_copy: bool
    mask: Any

    @property
    def text_len(self) -> int:
        return self.base_len + self.regional_len


def _project(attn, hidden_states: torch.Tensor, added: bool) -> tuple[torch.Tensor, ...]:
    """Per-head, normalised q, k, v of a run of tokens (image or, with `added`, text projections)."""
    if added:
        if getattr(attn, "fused_projections", False) and hasattr(attn, "to_added_qkv"):
            q, k, v = attn.to_added_qkv(hidden_states).chunk(3, dim=-1)
        else:
            q, k, v = (
                attn.add_q_proj(hidden_states),
                attn.add_k_proj(hidden_states),
                attn.add_v_proj(hidden_states),
            )
        norm_q, norm_k = attn.norm_added_q, attn.norm_added_k
    else:
        if getattr(attn, "fused_projections", False) and hasattr(attn, "to_qkv"):
            q, k, v = attn.to_qkv(hidden_states).chunk(3, dim=-1)
        else:
            q, k, v = attn.to_q(hidden_states), attn.to_k(hidden_states), attn.to_v(hidden_states)
        norm_q, norm_k = attn.norm_q, attn.norm_k
    q, k, v = (t.unflatten(-1, (-1, attn.head_dim)) for t in (q, k, v))
    return norm_q(q), norm_k(k), v


def _rope(q: torch.Tensor, k: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor):
    return apply_rotary_emb(q, (cos, sin), sequence_dim=1), apply_rotary_emb(k, (cos, sin), sequence_dim=1)


def auto_attention(device: torch.device | str) -> str:
    """What attention="auto" means on `device`: SDPA with the dense boolean mask, for now.

    The BlockMask path ("flex") skips empty tiles but is compiled on first use (seconds, again
    for each new sequence length) and has not been timed on a GPU yet; eager FlexAttention on
    CPU is slower than SDPA. Until a GPU benchmark shows compiled flex winning end to end,
    "auto" stays on SDPA everywhere and "flex" is an explicit choice.
    """
    del device  # the choice will depend on it once flex is measured on CUDA
    return "sdpa"


_COMPILED_FLEX: dict[str, Any] = {}


def _flex_attention(device: torch.device):
    """flex_attention, compiled on first use on CUDA (once per process); eager elsewhere."""
    from torch.nn.attention.flex_attention import flex_attention

    if device.type != "cuda":
        return flex_attention
    if "cuda" not in _COMPILED_FLEX:
        _COMPILED_FLEX["cuda"] = torch.compile(flex_attention)
    return _COMPILED_FLEX["cuda"]


def masked_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: Any) -> torch.Tensor:
    """Attention over (B, S, H, D) tensors with a bool mask or a BlockMask (None: unmasked)."""
    q, k, v = (t.transpose(1, 2) for t in (q, k, v))
    if mask is None or isinstance(mask, torch.Tensor):
        out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    else:
        out = _flex_attention(q.device)(q, k, v, block_mask=mask)
    return out.transpose(1, 2)


class RegionalFluxAttnProcessor:
    """Processor for one FLUX block: plain FLUX unless the call carries a RegionalContext.

    `masked` says whether this block applies the regional mask (the block intervals); blocks
    with masked=False still blend base and regional attention, without the mask.
    """

    _attention_backend = None
    _parallel_config = None

    def __init__(self, masked: bool) -> None:
        self.masked = masked
        self.plain = FluxAttnProcessor()

    def __call__(
        self,
        attn,
        hidden_states: torch.Tensor,
        encoder_hidden_states: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        image_rotary_emb: tuple[torch.Tensor, torch.Tensor] | None = None,
        regional: RegionalContext | None = None,
    ):
        if regional is None:
            self.plain._attention_backend = self._attention_backend
            self.plain._parallel_config = self._parallel_config
            return self.plain(attn, hidden_states, encoder_hidden_states, attention_mask, image_rotary_emb)
        if encoder_hidden_states is not None:
            return self._double(attn, hidden_states, encoder_hidden_states, image_rotary_emb, regional)
        return self._single(attn, hidden_states, image_rotary_emb, regional)

    def _attend(self, q, k, v, mask=None) -> torch.Tensor:
        if mask is None:
            return dispatch_attention_fn(q, k, v, backend=self._attention_backend)
        return masked_attention(q, k, v, mask)

    def _two_attentions(self, base, regional, ctx: RegionalContext, all_base_rows: bool):
        """Base attention (unmasked) and regional attention (masked in this block's turn).

        `base` and `regional` are (q, k, v) triples over [base text ; image] and [regional text ;
        image]. With base_ratio 0 the base attention's image rows would be blended with weight
        0, so unless they are needed (`all_base_rows`: the base image copy) only its text rows
        are computed: the base text stream still gets exactly its output.
        """
        q, k, v = base
        if ctx.base_ratio == 0 and not all_base_rows:
            q = q[:, : ctx.base_len]
        base_out = self._attend(q, k, v)
        regional_out = self._attend(*regional, mask=ctx.mask if self.masked else None)
        return base_out, regional_out

    @staticmethod
    def _blend(regional_image: torch.Tensor, base_out: torch.Tensor, ctx: RegionalContext) -> torch.Tensor:
        """(1 - base_ratio) * regional + base_ratio * base, on the image rows."""
        if ctx.base_ratio == 0:
            return regional_image
        base_image = base_out[:, ctx.base_len :].to(regional_image.dtype)
        return torch.lerp(regional_image, base_image, ctx.base_ratio)

    def _double(self, attn, hidden_states, encoder_hidden_states, rotary, ctx: RegionalContext):
        cos, sin = rotary
        nb, nr = ctx.base_len, ctx.regional_len
        text_rows = encoder_hidden_states.shape[1]
        tq, tk, tv = _project(attn, encoder_hidden_states, added=True)
        iq, ik, iv = _project(attn, hidden_states, added=False)
        tq, tk = _rope(tq, tk, cos[:text_rows], sin[:text_rows])
        iq, ik = _rope(iq, ik, cos[text_rows:], sin[text_rows:])
        text, image = (tq, tk, tv), (iq, ik, iv)
        base = tuple(torch.cat([t[:, :nb], i], dim=1) for t, i in zip(text, image, strict=True))
        regional = tuple(torch.cat([t[:, nb:], i], dim=1) for t, i in zip(text, image, strict=True))
        base_out, regional_out = self._two_attentions(base, regional, ctx, all_base_rows=False)
        blended = self._blend(regional_out[:, nr:], base_out, ctx)
        text_out = torch.cat([base_out[:, :nb], regional_out[:, :nr].to(base_out.dtype)], dim=1)
        text_out = text_out.flatten(2, 3).to(tq.dtype)
        image_out = attn.to_out[1](attn.to_out[0](blended.flatten(2, 3).to(iq.dtype).contiguous()))
        return image_out, attn.to_add_out(text_out.contiguous())

    def _single(self, attn, hidden_states, rotary, ctx: RegionalContext):
        """The sequence is [base text ; regional text ; (base image copy) ; image]."""
        cos, sin = rotary  # rows of [text ; image]
        nb, nr, nt, ni = ctx.base_len, ctx.regional_len, ctx.text_len, ctx.image_len
        q, k, v = _project(attn, hidden_states, added=False)
        if ctx.base_copy:  # the copy sits at the image's positions
            cos, sin = (torch.cat([r[:nt], r[nt:], r[nt:]]) for r in (cos, sin))
        q, k = _rope(q, k, cos, sin)
        full = (q, k, v)
        if ctx.base_copy:
            base = tuple(torch.cat([t[:, :nb], t[:, nt : nt + ni]], dim=1) for t in full)
            regional = tuple(torch.cat([t[:, nb:nt], t[:, nt + ni :]], dim=1) for t in full)
        else:
            base = tuple(torch.cat([t[:, :nb], t[:, nt:]], dim=1) for t in full)
            regional = tuple(t[:, nb:] for t in full)  # [regional text ; image] is contiguous
        base_out, regional_out = self._two_attentions(base, regional, ctx, all_base_rows=ctx.base_copy)
        blended = self._blend(regional_out[:, nr:], base_out, ctx)
        parts = [base_out[:, :nb], regional_out[:, :nr]]
        parts += [base_out[:, nb:]] if ctx.base_copy else []
        parts += [blended]
        return torch.cat([p.to(q.dtype) for p in parts], dim=1).flatten(2, 3)
