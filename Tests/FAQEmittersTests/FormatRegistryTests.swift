@testable import FAQEmitters
import FAQModel
import Foundation
import Testing

/// The registry (`OutputFormat` → `FormatDescriptor`) and the validator every format must have.
@Suite struct FormatRegistryTests {
    @Test func everyRegisteredFormatHasAValidatorAndNoValidatorIsStale() {
        let registered = Set(OutputFormat.allCases.map(\.rawValue))
        for name in registered.sorted() {
            #expect(FormatValidators.byName[name] != nil, "format '\(name)' has no validator in FormatValidators")
        }
        for name in FormatValidators.byName.keys.sorted() {
            #expect(registered.contains(name), "FormatValidators checks '\(name)', which is not a registered format")
        }
    }

    @Test func namesAreUniqueAndParseBack() {
        let names = OutputFormat.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        for format in OutputFormat.allCases { #expect(OutputFormat(rawValue: format.rawValue) == format) }
        #expect(OutputFormat(rawValue: "pdf") == nil)
    }

    @Test func descriptorsDescribeTheirEmitters() throws {
        let document = try Fixtures.document("everything")
        #expect(OutputFormat.allCases.filter(\.descriptor.bindsBook) == [.epub])
        #expect(OutputFormat.allCases.filter(\.descriptor.isBinary) == [.epub])
        #expect(Set(OutputFormat.allCases.map(\.descriptor.relativeCost)).count == OutputFormat.allCases.count)
        // A man page's extension is its section; every other format's is fixed.
        var sectioned = document
        sectioned.metadata.extra["man_section"] = "3p"
        #expect(OutputFormat.man.descriptor.fileExtension(for: sectioned, options: EmitOptions()) == "3p")
        #expect(OutputFormat.man.descriptor.fileExtension(for: document, options: EmitOptions(manSection: "8")) == "8")
        #expect(OutputFormat.man.descriptor.fileExtension(for: document, options: EmitOptions()) == "7")
        for format in OutputFormat.allCases where format != .man {
            #expect(format.descriptor.fileExtension(for: sectioned, options: EmitOptions(manSection: "8")) == format.fileExtension)
        }
    }

    /// Each format's output of two fixtures passes its validator, and a broken output fails
    /// it (so each validator can fail).
    @Test(arguments: OutputFormat.allCases)
    func validatorPassesOutputsAndFailsBrokenOnes(_ format: OutputFormat) throws {
        let validate = try #require(FormatValidators.byName[format.rawValue])
        var outputs: FormatValidators.Outputs = []
        for name in ["everything", "hostile"] {
            outputs.append(("\(name).\(format.fileExtension)", try format.emitter.emit(try Fixtures.document(name), options: EmitOptions()).bytes))
        }
        #expect(try validate(outputs) == [])
        let broken: [UInt8] = Array("<p>\t\u{1}{\n.TH\n.bogus\n".utf8)
        #expect(try !validate([("broken.\(format.fileExtension)", broken)]).isEmpty)
    }
}
