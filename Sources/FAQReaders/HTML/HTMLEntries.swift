import CLibXML2
import FAQModel

/// The entries HTML states outright, with their ids: the `<details>`'s or `<summary>`'s
/// `id`, the `<dt>`'s, else the first id inside the question.
extension HTMLConverter {
    /// `<details><summary>Q</summary>A…</details>`: an entry at the top level. MDX
    /// components (`<Collapse title="Q">`, `<Details summary="Q">`) give their question in an
    /// attribute.
    mutating func details(_ node: XMLNode, depth: Int) -> [FlowItem] {
        let hasSummary = node.children.contains { $0.isElement && $0.name == "summary" }
        var question: [Inline] = hasSummary ? [] : HTMLVocabulary.questionAttributes.lazy.compactMap { node.attribute($0) }
            .first { !$0.allSatisfy(\.isWhitespace) }
            .map { [.text(collapse($0).trimmingWhitespace())] } ?? []
        var questionIDs: [StrayAnchor] = []
        var answer: [FlowItem] = []
        var pending = InlineBuilder()
        let mark = pendingAnchors.count
        nested += 1
        for child in node.children {
            if child.isElement && child.name == "summary" && question.isEmpty {
                let summaryMark = pendingAnchors.count
                recordID(child)
                question = Self.trimmed(inlines(child, depth: depth + 1))
                questionIDs = takeAnchors(since: summaryMark)
            } else {
                walk(child, depth: depth + 1, into: &answer, pending: &pending)
            }
        }
        flush(&pending, into: &answer)
        nested -= 1
        let own = Self.authorID(node).map { [StrayAnchor(id: $0, location: location(node), attach: .following)] } ?? []
        if question.isEmpty {
            pendingAnchors += own + questionIDs
            return answer
        }
        let blocks = lift(answer)
        let inside = takeAnchors(since: mark)
        var names = own + questionIDs
        var anchor = SourceAnchor()
        if !names.isEmpty { anchor.id = names.removeFirst().id }
        return names.map(FlowItem.anchor) + [.entry(question: question, answer: blocks, location: location(node), anchor: anchor)]
            + inside.map(FlowItem.anchor)
    }

    /// `<dl><dt>Q</dt><dd>A</dd>…</dl>`: one entry per term.
    mutating func definitionList(_ node: XMLNode, depth: Int) -> [FlowItem] {
        var items: [FlowItem] = []
        var question: [Inline]?
        var questionLocation: SourceLocation?
        var questionIDs: [StrayAnchor] = []
        var answer: [Block] = []
        var answerMark = pendingAnchors.count
        func close(_ converter: inout HTMLConverter) {
            if let q = question {
                var names = questionIDs.map { StrayAnchor(id: $0.id, location: $0.location, attach: .following) }
                var anchor = SourceAnchor()
                if !names.isEmpty { anchor.id = names.removeFirst().id }
                items += names.map(FlowItem.anchor)
                items.append(.entry(question: q, answer: answer, location: questionLocation, anchor: anchor))
                items += converter.takeAnchors(since: answerMark).map(FlowItem.anchor)
            }
            question = nil
            questionIDs = []
            answer = []
        }
        for child in node.children where child.isElement {
            switch child.name {
            case "dt":
                close(&self)
                let mark = pendingAnchors.count
                recordID(child)
                question = Self.trimmed(inlines(child, depth: depth + 1))
                questionLocation = location(child)
                questionIDs = takeAnchors(since: mark)
                answerMark = pendingAnchors.count
            case "dd":
                answer += lift(blocks(ofChildren: child, depth: depth + 1))
            default:
                break
            }
        }
        close(&self)
        return items
    }
}
