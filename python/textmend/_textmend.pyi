"""Type stubs of textmend's native module (see the package's docstring)."""

from typing import Iterable, List, Literal, Optional

__version__: str

def repair(
    text: str,
    *,
    mojibake: bool = True,
    dedupe: bool = True,
    furniture: bool = True,
    letter_spacing: bool = True,
    dehyphenate: bool = True,
    fold_width: bool = False,
    cjk_punct: Literal["keep", "full"] = "keep",
    cjk_spacing: Literal["keep", "remove", "add"] = "keep",
) -> str:
    """Repairs text and reflows it: one block per line, one blank line
    between blocks, a final newline.

    >>> repair("Annual ReportAnnual Report\\nThe year in re-\\nview.\\n")
    'Annual Report\\n\\nThe year in review.\\n'
    >>> repair("态,当", cjk_punct="full")
    '态，当\\n'

    An unknown option or value raises ``ValueError``.
    """

def repair_document(
    text: str,
    *,
    mojibake: bool = True,
    dedupe: bool = True,
    furniture: bool = True,
    letter_spacing: bool = True,
    dehyphenate: bool = True,
    fold_width: bool = False,
    cjk_punct: Literal["keep", "full"] = "keep",
    cjk_spacing: Literal["keep", "remove", "add"] = "keep",
) -> Document:
    """Repairs text and returns its blocks and edits; ranges are code point
    indices into ``text`` (``text[block.start:block.end]``).

    >>> doc = repair_document("把学习习近\\n平总书记的讲话\\n")
    >>> doc.blocks[0]
    Block(kind='paragraph', text='把学习习近平总书记的讲话', start=0, end=13)
    """

def repair_bytes(
    data: bytes,
    encoding: Optional[str] = None,
    *,
    mojibake: bool = True,
    dedupe: bool = True,
    furniture: bool = True,
    letter_spacing: bool = True,
    dehyphenate: bool = True,
    fold_width: bool = False,
    cjk_punct: Literal["keep", "full"] = "keep",
    cjk_spacing: Literal["keep", "remove", "add"] = "keep",
) -> Document:
    """Decodes bytes (BOM, UTF-8 or a detected legacy encoding; ``encoding``
    forces a label such as ``"gbk"``) and repairs the text. Ranges index
    ``document.input``. An unknown label raises ``LookupError``.

    >>> repair_bytes("主题教育在基层开展。".encode("gbk")).decode.encoding
    'GBK'
    """

def repair_many(
    texts: Iterable[str],
    threads: Optional[int] = None,
    *,
    mojibake: bool = True,
    dedupe: bool = True,
    furniture: bool = True,
    letter_spacing: bool = True,
    dehyphenate: bool = True,
    fold_width: bool = False,
    cjk_punct: Literal["keep", "full"] = "keep",
    cjk_spacing: Literal["keep", "remove", "add"] = "keep",
) -> List[str]:
    """``[repair(t, **options) for t in texts]`` on every core (or
    ``threads`` of them), with the GIL released.

    >>> repair_many(["把学习习近\\n平总书记的讲话", "infor-\\nmation about"])
    ['把学习习近平总书记的讲话\\n', 'information about\\n']
    """

class Document:
    """The result of ``repair_document`` or ``repair_bytes``."""

    @property
    def input(self) -> str:
        """The text the ranges index: the input, or the decoded bytes."""
    @property
    def text(self) -> str:
        """The repaired text, as ``repair`` returns it."""
    @property
    def blocks(self) -> List[Block]:
        """The blocks, in output order."""
    @property
    def edits(self) -> List[Edit]:
        """Every edit that changed the text, in input order."""
    @property
    def decode(self) -> Optional[DecodeReport]:
        """How the bytes were decoded (``repair_bytes`` only)."""

class Block:
    """A block of output and the input it came from."""

    @property
    def kind(self) -> Literal["heading", "paragraph", "list-item", "preformatted"]: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int:
        """Start of the block's input, in code points."""
    @property
    def end(self) -> int:
        """End (exclusive) of the block's input, in code points."""

class Edit:
    """``input[start:end]`` became ``replacement`` because of ``rule``."""

    @property
    def rule(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def replacement(self) -> str: ...
    @property
    def before(self) -> str:
        """The place before the edit, as ``textmend --explain`` shows it."""
    @property
    def after(self) -> str:
        """The same place after the edit."""
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...

class DecodeReport:
    """How input bytes were decoded."""

    @property
    def encoding(self) -> str: ...
    @property
    def source(self) -> Literal["bom", "forced", "utf-8", "detected"]: ...
    @property
    def confident(self) -> bool: ...
    @property
    def invalid_sequences(self) -> int: ...
