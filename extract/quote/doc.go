// Package quote finds direct speech in article text and says who spoke it.
//
// It finds quotes in straight and curly double marks (including the news
// convention of a quote running over several paragraphs, where only the last
// paragraph closes the mark), block quotes (HTML <blockquote> spans, and in
// plain text a paragraph standing after "X said:"), partial quotes inside
// reported speech and split quotes. For every quote it looks for the speaker
// in the usual shapes ("X said", "said X", "X, chief executive of Y, said",
// "according to X", "he added", a speaker named in the paragraph before) and
// resolves surnames, first names, honorifics, pronouns and descriptions
// ("the Health Secretary") to the fullest name the article gives earlier.
// Organisations speak too ("the BMA said", "a spokesman for the trust
// said"). Alongside the quotes it lists the people the article names, with
// their titles and mentions.
//
// Everything is rule based: the package does not depend on a statistical
// entity model, so it is fast and deterministic.
package quote
