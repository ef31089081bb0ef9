package rows

import (
	"reflect"
	"strings"
)

// Column describes one column of a table.
type Column struct {
	Name string
	// Optional columns store the empty string as NULL.
	Optional bool
	// List columns hold a JSON array.
	List bool
	// Kind is the Go kind of the field: String, Int64, Float64 or Bool.
	Kind reflect.Kind
	idx  int
}

// Table describes one of the store's tables by its row type.
type Table struct {
	Name    string
	Columns []Column
}

// Describe returns the table whose rows have type T.
func Describe[T any](name string) Table {
	t := reflect.TypeFor[T]()
	tb := Table{Name: name}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("parquet")
		if tag == "" {
			continue
		}
		nm, opts, _ := strings.Cut(tag, ",")
		tb.Columns = append(tb.Columns, Column{
			Name: nm, Optional: strings.Contains(opts, "optional"),
			List: f.Tag.Get("list") == "json", Kind: f.Type.Kind(), idx: i,
		})
	}
	return tb
}

// Names returns the column names in order.
func (t Table) Names() []string {
	n := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		n[i] = c.Name
	}
	return n
}

// Qualified returns the column names in order, each prefixed with alias
// and a dot, comma-separated, for an SQL select list.
func (t Table) Qualified(alias string) string {
	n := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		n[i] = alias + "." + c.Name
	}
	return strings.Join(n, ", ")
}

// Values appends row's column values to dst in column order: string, int64,
// float64 or bool, and nil for an empty optional column. row must be the
// table's row type (a struct value, not a pointer).
func (t Table) Values(dst []any, row any) []any {
	v := reflect.ValueOf(row)
	for _, c := range t.Columns {
		f := v.Field(c.idx)
		switch c.Kind {
		case reflect.String:
			s := f.String()
			if s == "" && c.Optional {
				dst = append(dst, nil)
			} else {
				dst = append(dst, s)
			}
		case reflect.Int64:
			dst = append(dst, f.Int())
		case reflect.Float64:
			dst = append(dst, f.Float())
		case reflect.Bool:
			dst = append(dst, f.Bool())
		default:
			dst = append(dst, f.Interface())
		}
	}
	return dst
}

// The store's tables, in the order a record's rows are written.
var (
	Articles      = Describe[Article]("articles")
	Organisations = Describe[Organisation]("organisations")
	People        = Describe[Person]("people")
	Quotes        = Describe[Quote]("quotes")
	Dates         = Describe[Date]("dates")
	Counts        = Describe[Count]("counts")
	Claims        = Describe[Claim]("claims")
)

// Children are the tables holding an article's items, each with an
// article_id column.
var Children = []Table{Organisations, People, Quotes, Dates, Counts, Claims}

// ChildRows returns the rows of s for the child table named name.
func ChildRows(s *Set, name string) []any {
	var out []any
	switch name {
	case "organisations":
		for _, r := range s.Organisations {
			out = append(out, r)
		}
	case "people":
		for _, r := range s.People {
			out = append(out, r)
		}
	case "quotes":
		for _, r := range s.Quotes {
			out = append(out, r)
		}
	case "dates":
		for _, r := range s.Dates {
			out = append(out, r)
		}
	case "counts":
		for _, r := range s.Counts {
			out = append(out, r)
		}
	case "claims":
		for _, r := range s.Claims {
			out = append(out, r)
		}
	}
	return out
}
