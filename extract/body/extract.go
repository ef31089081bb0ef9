package body

import (
	"fmt"
	nurl "net/url"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Extract reads a page's bytes (any charset, optionally gzip-compressed) and
// returns its article text and metadata. Pages that are not articles give a
// Result with little or no Text and a warning; errors (wrapping ErrEmpty,
// ErrNotHTML or ErrUnreadable) are only for input that cannot be read.
func Extract(raw []byte, opt Options) (*Result, error) {
	d, err := decode(raw, opt.ContentType)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	res.Warnings = append(res.Warnings, d.warnings...)
	if d.guessed {
		res.Warnings = append(res.Warnings, WarnCharsetGuessed)
	}
	doc, flattened, err := parseHTML(d.text)
	if err != nil {
		return nil, err
	}
	if flattened {
		res.Warnings = append(res.Warnings, WarnFlattened)
	}
	opt.Logger.Debug().Str("url", opt.URL).Str("charset", d.charset).Msg("decoded page")

	topts := trafilatura.Options{
		ExcludeComments: true,
		EnableFallback:  false,
	}
	if u, err := nurl.ParseRequestURI(opt.URL); err == nil && opt.URL != "" {
		topts.OriginalURL = u
	}
	tr, err := trafilatura.ExtractDocument(doc, topts)
	var paras []paragraph
	if err == nil && tr != nil && tr.ContentNode != nil {
		paras = nodeParagraphs(tr.ContentNode)
	} else if err != nil {
		opt.Logger.Debug().Err(err).Msg("trafilatura found no body")
	}
	res.Text, res.Blocks = join(paras)
	if tr != nil {
		res.Title = tr.Metadata.Title
	}
	return res, nil
}

// unused keeps the html import while the pipeline is assembled.
var _ = html.Parse
var _ = fmt.Errorf
