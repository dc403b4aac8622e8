"""Reading the portal's PDFs as their readers do: the text (poppler's pdftotext, with the layout kept),
the number of pages (pdfinfo) and the QR codes (the images pulled out with pdfimages, read by ZXing as a
phone's camera app would). poppler-utils is a Debian package (.ci/run installs it)."""

import subprocess
import tempfile
from pathlib import Path

import zxingcpp
from PIL import Image


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, check=True, text=True).stdout


def _with_file(pdf: bytes, work):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(pdf)
        return work(path)


def pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-"), pdf[:20]
    return _with_file(pdf, lambda path: _run("pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"))


def pdf_pages(pdf: bytes) -> int:
    info = _with_file(pdf, lambda path: _run("pdfinfo", str(path)))
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_qr_codes(pdf: bytes) -> list[str]:
    """The text of every QR code among the PDF's images, in page order."""

    def read(path: Path) -> list[str]:
        _run("pdfimages", "-png", str(path), str(path.parent / "image"))
        texts = []
        for image_path in sorted(path.parent.glob("image-*.png")):
            with Image.open(image_path) as image:
                # One pixel per module in the PDF: enlarge it as a camera would see it.
                large = image.convert("L").resize((image.width * 4, image.height * 4), Image.NEAREST)
                texts += [code.text for code in zxingcpp.read_barcodes(large)]
        return texts

    return _with_file(pdf, read)
