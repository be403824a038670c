import FAQModel

/// Bytes to text, strictly: UTF-8 only (or U+FFFD replacements with `lossy`), no NUL,
/// a BOM dropped, CRLF and CR turned into LF. Errors name the line and column.
enum InputText {
    static func decode(_ bytes: [UInt8], file: String, lossy: Bool) throws -> String {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        if body.isEmpty || body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw ReadError("the input is empty", at: SourceLocation(file: file, line: 1))
        }
        if let nul = body.withUnsafeBufferPointer({ ByteSearch.first(0, in: $0) }).map({ $0 + start }) {
            let (line, column) = position(of: nul, in: bytes)
            throw ReadError("NUL byte in input (is this a binary file?)", at: SourceLocation(file: file, line: line, column: column))
        }
        var text: String
        if let valid = String(validating: body, as: UTF8.self) {
            text = valid
        } else if lossy {
            text = String(decoding: body, as: UTF8.self)
        } else {
            let bad = firstInvalidUTF8(body) ?? start
            let (line, column) = position(of: bad, in: bytes)
            throw ReadError("invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); use --lossy to replace it with U+FFFD", at: SourceLocation(file: file, line: line, column: column))
        }
        if text.containsUTF8Byte(0x0D) {
            text = text.replacingCRLF()
        }
        return text
    }

    /// Line and column (in bytes, as compilers count) of `index`: LF, CRLF and a lone CR
    /// each end a line (the reader treats all three alike), and a BOM takes no column.
    static func position(of index: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for i in lineStart..<index where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
            line += 1
            lineStart = i + 1
        }
        return (line, index - lineStart + 1)
    }

    /// Index of the first byte that does not begin or continue a valid UTF-8 sequence.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.endIndex { return i }
            if String(validating: bytes[i..<i + length], as: UTF8.self) == nil { return i }
            i += length
        }
        return nil
    }
}

extension String {
    /// CRLF → LF, then lone CR → LF.
    func replacingCRLF() -> String {
        var out = [UInt8]()
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for byte in utf8 {
            if byte == 0x0D {
                out.append(0x0A)
                previousCR = true
                continue
            }
            if !(byte == 0x0A && previousCR) { out.append(byte) }
            previousCR = false
        }
        return String(decoding: out, as: UTF8.self)
    }
}
