import RoundTripCore

/// Reading strings and numbers.
extension JSONReader {

    /// Reads a string starting at its opening quote.
    mutating func string() throws(DesignError) -> String {
        let opening = position
        position += 1
        let start = position
        while position < end {
            let byte = bytes[position]
            if byte == Byte.quote {
                let text = text(start, position)
                position += 1
                return text
            }
            if byte == Byte.backslash { return try escapedString(from: start, opening: opening) }
            try plainByte(byte)
        }
        throw unterminated(opening)
    }

    /// Steps over one unescaped byte (and the rest of its UTF-8 sequence), rejecting control characters and invalid
    /// UTF-8.
    mutating func plainByte(_ byte: UInt8) throws(DesignError) {
        if byte >= 0x20 && byte < 0x80 {
            position += 1
        } else if byte < 0x20 {
            let name =
                byte == Byte.newline || byte == Byte.carriageReturn ? "a line break" : "control character U+\(hex(UInt32(byte), digits: 4))"
            throw failure(at: position, "JSON syntax error: a string cannot contain \(name); write it as an escape (\\n, \\t, \\u0001, …)")
        } else if let (_, length) = scalar(at: position) {
            position += length
        } else {
            throw failure(
                at: position, "the input is not UTF-8 text: byte 0x\(hex(UInt32(byte), digits: 2)) in a string is not UTF-8",
                code: .encoding)
        }
    }

    mutating func unterminated(_ opening: Int) -> DesignError {
        failure(
            at: position,
            "JSON syntax error: expected '\"' to close the string that starts at column \(column(at: opening)), found end of input")
    }

    /// Reads the rest of a string that has escapes, from its first character, into the scratch buffer.
    mutating func escapedString(from start: Int, opening: Int) throws(DesignError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var run = start
        while position < end {
            let byte = bytes[position]
            if byte == Byte.quote {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            guard byte == Byte.backslash else {
                try plainByte(byte)
                continue
            }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
            let escape = position
            position += 1
            guard position < end else { throw unterminated(opening) }
            switch bytes[position] {
            case Byte.quote, Byte.backslash, Byte.slash: scratch.append(bytes[position])
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(Byte.newline)
            case UInt8(ascii: "r"): scratch.append(Byte.carriageReturn)
            case UInt8(ascii: "t"): scratch.append(Byte.tab)
            case UInt8(ascii: "u"):
                position += 1
                appendUTF8(try unicodeEscape(escape))
                run = position
                continue
            default:
                throw syntaxError(at: position, expected: "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) after '\\'")
            }
            position += 1
            run = position
        }
        throw unterminated(opening)
    }

    /// Reads the four hex digits after `\u` (and a second `\uXXXX` for a surrogate pair).
    mutating func unicodeEscape(_ escape: Int) throws(DesignError) -> Unicode.Scalar {
        let unit = try hexDigits()
        switch unit {
        case 0xD800...0xDBFF:
            guard end - position >= 2, bytes[position] == Byte.backslash, bytes[position + 1] == UInt8(ascii: "u") else {
                throw failure(
                    at: escape,
                    "JSON syntax error: \\u\(hex(unit, digits: 4)) is a high surrogate and must be followed by a low surrogate \\uDC00…\\uDFFF"
                )
            }
            position += 2
            let low = try hexDigits()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw failure(
                    at: escape,
                    "JSON syntax error: \\u\(hex(unit, digits: 4)) is a high surrogate and must be followed by a low surrogate \\uDC00…\\uDFFF, found \\u\(hex(low, digits: 4))"
                )
            }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
        case 0xDC00...0xDFFF:
            throw failure(at: escape, "JSON syntax error: \\u\(hex(unit, digits: 4)) is a low surrogate without a high surrogate before it")
        default:
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        }
    }

    mutating func hexDigits() throws(DesignError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < end else { throw syntaxError(at: position, expected: "4 hex digits after '\\u'") }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case Byte.zero...Byte.nine: digit = byte - Byte.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntaxError(at: position, expected: "4 hex digits after '\\u'")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            scratch.append(UInt8(value))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | value >> 6))
            scratch.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | value >> 12))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | value >> 18))
            scratch.append(UInt8(0x80 | value >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        }
    }

    // MARK: numbers

    /// Reads a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, keeping its text.
    mutating func number() throws(DesignError) -> JSONValue {
        let start = position
        let negative = bytes[position] == Byte.minus
        if negative { position += 1 }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        guard position < end, isDigit(bytes[position]) else { throw syntaxError(at: position, expected: "a digit after '-'") }
        if bytes[position] == Byte.zero {
            position += 1
            if position < end, isDigit(bytes[position]) {
                var stop = position
                while stop < end, isDigit(bytes[stop]) { stop += 1 }
                throw failure(at: start, "JSON syntax error: a number must not start with a leading zero, found '\(text(start, stop))'")
            }
        } else {
            digits(&mantissa, &significantDigits)
        }
        var decimalExponent = 0
        var simple = true
        if position < end, bytes[position] == Byte.dot {
            position += 1
            guard position < end, isDigit(bytes[position]) else {
                throw syntaxError(at: position, expected: "a digit after the decimal point")
            }
            let fractionStart = position
            digits(&mantissa, &significantDigits)
            decimalExponent = fractionStart - position
        }
        if position < end, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            var exponentNegative = false
            if position < end, bytes[position] == Byte.plus || bytes[position] == Byte.minus {
                exponentNegative = bytes[position] == Byte.minus
                position += 1
            }
            guard position < end, isDigit(bytes[position]) else { throw syntaxError(at: position, expected: "a digit in the exponent") }
            var exponent = 0
            while position < end, isDigit(bytes[position]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[position] - Byte.zero) }
                position += 1
            }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        if significantDigits > 15 { simple = false }
        let text = text(start, position)
        var value: Double
        if simple && decimalExponent >= -22 && decimalExponent <= 22 {
            // Clinger's fast path: mantissa and power of ten are exact, so one rounding gives the correct result.
            value = Double(mantissa)
            if decimalExponent < 0 {
                value /= exactPowersOfTen[-decimalExponent]
            } else {
                value *= exactPowersOfTen[decimalExponent]
            }
            if negative { value = -value }
        } else if let parsed = Double(text) {
            value = parsed
        } else {
            // Out of range for Double: the text is kept; the value saturates.
            value = mantissa == 0 || decimalExponent < 0 ? 0 : .infinity
            if negative { value = -value }
        }
        return .number(value, text: text)
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= Byte.zero && byte <= Byte.nine }

    /// Reads digits into the mantissa, counting significant digits (leading zeros of a fraction do not count).
    mutating func digits(_ mantissa: inout UInt64, _ significant: inout Int) {
        while position < end {
            let byte = bytes[position]
            guard isDigit(byte) else { return }
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(byte - Byte.zero)
                if mantissa != 0 { significant += 1 }
            } else {
                significant += 1
            }
            position += 1
        }
    }
}
