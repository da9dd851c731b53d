namespace OpenGms.Interpretation.Phenotype;

/// <summary>
/// Reads the HPO from OBO 1.2/1.4 flat files (<c>hp.obo</c>): the <c>data-version</c> header and, per <c>[Term]</c>
/// stanza, <c>id</c>, <c>name</c>, <c>is_a</c>, <c>alt_id</c>, <c>is_obsolete</c>, <c>replaced_by</c> and
/// <c>consider</c>. Other tags and other stanza types (<c>[Typedef]</c>) are skipped. Tag values are cut at a
/// trailing <c>!</c> comment and <c>{…}</c> qualifier block (OBO 1.4 section 2).
/// </summary>
internal static class OboParser
{
    public static HpoOntology Parse(ReadOnlySpan<byte> data, string fileName, List<HpoIssue> issues)
    {
        var terms = new List<RawTerm>(20_000);
        string version = string.Empty;
        RawTerm? term = null;
        bool inTerm = false;
        bool inHeader = true;
        var reader = new LineReader(data);
        while (reader.TryRead(out ReadOnlySpan<byte> line))
        {
            if (line.IsEmpty || line[0] == (byte)'!')
            {
                continue;
            }

            if (line[0] == (byte)'[')
            {
                inHeader = false;
                if (term is not null)
                {
                    terms.Add(term);
                    term = null;
                }

                inTerm = line.SequenceEqual("[Term]"u8);
                if (inTerm)
                {
                    // The id tag must follow; remember where the stanza starts for messages.
                    term = new RawTerm { Number = -1, Line = reader.LineNumber };
                }

                continue;
            }

            int colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                if (inTerm)
                {
                    throw Malformed(fileName, reader.LineNumber, "tag", "A line in a [Term] stanza is not 'tag: value'.");
                }

                continue;
            }

            ReadOnlySpan<byte> tag = line[..colon];
            ReadOnlySpan<byte> value = Value(line[(colon + 1)..]);
            if (inHeader)
            {
                if (tag.SequenceEqual("data-version"u8))
                {
                    version = HpoFiles.Text(value);
                }

                continue;
            }

            if (!inTerm || term is null)
            {
                continue;
            }

            if (tag.SequenceEqual("id"u8))
            {
                if (!HpoOntology.TryParseId(value, out int number))
                {
                    // Non-HP classes (a few imported ids in some releases) are not part of the HPO graph.
                    inTerm = false;
                    term = null;
                    continue;
                }

                term = new RawTerm { Number = number, Line = term.Line };
            }
            else if (term.Number < 0)
            {
                throw Malformed(fileName, reader.LineNumber, "id", "A [Term] stanza does not start with its id.");
            }
            else if (tag.SequenceEqual("name"u8))
            {
                term.Name = HpoFiles.Text(value);
            }
            else if (tag.SequenceEqual("is_a"u8))
            {
                if (HpoOntology.TryParseId(value, out int parent))
                {
                    term.Parents.Add(parent);
                }
            }
            else if (tag.SequenceEqual("alt_id"u8))
            {
                term.AltIds.Add(ParseIdOrThrow(value, fileName, reader.LineNumber, "alt_id"));
            }
            else if (tag.SequenceEqual("is_obsolete"u8))
            {
                term.Obsolete = value.SequenceEqual("true"u8);
            }
            else if (tag.SequenceEqual("replaced_by"u8))
            {
                term.ReplacedBy = ParseIdOrThrow(value, fileName, reader.LineNumber, "replaced_by");
            }
            else if (tag.SequenceEqual("consider"u8))
            {
                term.Consider.Add(HpoFiles.Text(value));
            }
        }

        if (term is not null)
        {
            terms.Add(term);
        }

        terms.RemoveAll(t => t.Number < 0);
        if (terms.Count == 0)
        {
            throw Malformed(fileName, 0, "[Term]", "No HP [Term] stanza found; is this an OBO file?");
        }

        return HpoOntology.Build(version, fileName, terms, issues);
    }

    private static int ParseIdOrThrow(ReadOnlySpan<byte> value, string fileName, long line, string field) =>
        HpoOntology.TryParseId(value, out int number)
            ? number
            : throw Malformed(fileName, line, field, $"'{HpoFiles.Text(value)}' is not an HPO id.");

    private static ReadOnlySpan<byte> Value(ReadOnlySpan<byte> raw)
    {
        raw = raw.TrimStart((byte)' ');
        // Quoted values (name, def, synonym) may contain '!' or '{'; the tags we cut (is_a, ids) are never quoted.
        if (raw.IsEmpty || raw[0] == (byte)'"')
        {
            return raw.TrimEnd((byte)' ');
        }

        int bang = raw.IndexOf(" !"u8);
        if (bang >= 0)
        {
            raw = raw[..bang];
        }

        int brace = raw.IndexOf(" {"u8);
        if (brace >= 0)
        {
            raw = raw[..brace];
        }

        return raw.TrimEnd((byte)' ');
    }

    private static HpoDataException Malformed(string fileName, long line, string field, string message) =>
        new(new HpoIssue(HpoIssueCodes.OntologyMalformed, HpoIssueSeverity.Error, fileName, line, field, message));
}
