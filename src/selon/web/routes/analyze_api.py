"""`POST /api/analyze`: one article (text or HTML) in, `selon/1` out."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from selon.errors import InvalidRequestError
from selon.web import deps
from selon.web.models import AnalyzeRequest, ErrorBody, Selon1
from selon.web.service import AnalysisService

router = APIRouter(prefix="/api", tags=["analyse"])

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": meaning}
    for status, meaning in ((413, "Request body over the size limit (E050)."),
                            (415, "Binary or undecodable input (E002, E003)."),
                            (422, ("Invalid request (E051) or input that cannot be analysed (E001, E004-E006, "
                                  "E008).")),
                            (503, ("The language model is not installed (E010), every worker is busy (E052, "
                                   "with Retry-After) or the analysis ran past the time limit (E053).")))
}


@router.post("/analyze", response_model=None, responses={200: {"model": Selon1}, **ERRORS},
             summary="Analyse one article")
async def analyze(
    body: AnalyzeRequest, service: Annotated[AnalysisService, Depends(deps.service)]
) -> JSONResponse:
    """Finds every attribution in the article given as `text` or as `html` (exactly one of them) and
    returns it in schema `selon/1`: offsets are character offsets into `article.text`."""
    if (body.text is None) == (body.html is None):
        raise InvalidRequestError("give exactly one of `text` or `html`.")
    analysis = await service.analyze_async(
        body.text if body.text is not None else body.html or "",
        lang=body.lang, title=body.title, url=body.url, outlet=body.outlet, published=body.published,
        html=body.html is not None,
    )
    return JSONResponse(analysis.to_dict())
