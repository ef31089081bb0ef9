package compare

import "strings"

// exclusive are modifiers that make two counts of the same noun different
// things: inpatient against outpatient operations.
var exclusive = [][2]string{
	{"inpatient", "outpatient"}, {"elective", "emergency"}, {"adult", "child"}, {"adults", "children"},
	{"junior", "consultant"}, {"first", "follow-up"},
}

// SameWhat reports whether two descriptions of the thing counted can be
// the same thing: either is empty, or they share a head noun ("appointments"
// and "inpatient and outpatient appointments and operations") without
// exclusive modifiers ("inpatient" against "outpatient" operations).
func SameWhat(a, b string) bool {
	wa, wb := whatWords(a), whatWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return true
	}
	for _, p := range exclusive {
		if wa[p[0]] && !wa[p[1]] && wb[p[1]] && !wb[p[0]] || wa[p[1]] && !wa[p[0]] && wb[p[0]] && !wb[p[1]] {
			return false
		}
	}
	ha, hb := heads(a), heads(b)
	for h := range ha {
		if hb[h] {
			return true
		}
	}
	return false
}

// whatWords returns the lower-cased words of a description.
func whatWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		out[strings.Trim(w, `“”"'‘’,.()`)] = true
	}
	delete(out, "")
	return out
}

// heads returns the last word of each part of a description split at
// "and"/"or", made singular: "inpatient and outpatient appointments and
// operations" → inpatient, appointment, operation.
func heads(s string) map[string]bool {
	out := map[string]bool{}
	var part []string
	flush := func() {
		if len(part) > 0 {
			out[singular(part[len(part)-1])] = true
		}
		part = part[:0]
	}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, `“”"'‘’,.()`)
		if w == "and" || w == "or" || w == "" {
			flush()
			continue
		}
		part = append(part, w)
	}
	flush()
	return out
}

// singular strips a plural ending: "appointments" → "appointment",
// "surgeries" → "surgery".
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}
