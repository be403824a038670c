import FAQModel

/// DocBook 4.x and 5 through libxml2 (`StrictXML`): no network, no DTD, no external entity;
/// entities of the internal subset expanded, the ISO character entities of the DocBook 4
/// DTD known, any other undeclared entity kept as `&name;` with one warning per name.
enum DocBookReader {
    static func read(_ text: String, file: String, options: ReaderOptions, converter: FAQReader.ConverterTiming? = nil) throws -> FAQReader.Result {
        let flow = try self.flow(text, file: file, options: options)
        return try MarkupDocument.build(flow, file: file, options: options, converter: converter)
    }

    static func flow(_ text: String, file: String, options: ReaderOptions) throws -> MarkupFlow {
        let entities = StrictXML.Entities(resolve: ISOEntities.character)
        // Entity expansion may multiply the text; past this many nodes it is refused.
        let budget = 100_000 + text.utf8.count
        var converter = DocBookConverter(file: file, budget: budget, maxNesting: options.maxNesting)
        try StrictXML.withDocument(text, file: file, entities: entities) { doc in
            converter.convert(doc)
        }
        if converter.nodes.exhausted {
            throw ReadError("entity expansion would make this document more than \(budget) nodes; refused", at: SourceLocation(file: file, line: 1))
        }
        var seen: Set<String> = []
        for (name, line) in entities.undeclared where seen.insert(name).inserted {
            converter.flow.warn("entity '&\(name);' is declared nowhere this file can see (a DTD or entity file not read); kept as text", at: SourceLocation(file: file, line: max(1, line)))
        }
        return converter.flow
    }
}
