package export

import (
	"io"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"
)

// rowGroup bounds the rows buffered before a row group is flushed, so a
// large export streams in bounded memory: articles carry their whole text,
// so their groups are smaller.
func rowGroup(table string) int64 {
	if table == "articles" {
		return 1_000
	}
	return 50_000
}

type parquetWriter[T any] struct {
	pw *parquet.GenericWriter[T]
}

func newParquet[T any](w io.Writer, table string) *parquetWriter[T] {
	return &parquetWriter[T]{pw: parquet.NewGenericWriter[T](w,
		parquet.Compression(&zstd.Codec{}),
		parquet.MaxRowsPerRowGroup(rowGroup(table)),
		parquet.CreatedBy("cuttings", "", ""),
	)}
}

func (p *parquetWriter[T]) write(rs []T) error {
	_, err := p.pw.Write(rs)
	return err
}

func (p *parquetWriter[T]) close() error { return p.pw.Close() }
