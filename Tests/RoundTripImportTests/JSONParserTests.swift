import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

/// The strict JSON reader: values, positions, escapes, every error with its location, comments, limits, pointers.
@Suite("JSON parser")
struct JSONParserTests {
    /// The diagnostic for bad input (nil, with an issue recorded, when the input was accepted).
    static func diagnostic(_ text: String, allowComments: Bool = false) -> Diagnostic? {
        do {
            let node = try JSONParser.parse(text, file: "t.json", allowComments: allowComments)
            Issue.record("accepted: \(node)")
            return nil
        } catch {
            #expect(error.diagnostics.count == 1)
            return error.diagnostics.first
        }
    }

    @Test("scalars, arrays and objects read with their values")
    func values() throws {
        let root = try JSONParser.parse(#"{"a": [1, -2.5e1, "x", true, false, null], "o": {}, "e": []}"#, file: "t.json")
        let object = try #require(root.object)
        #expect(object.keys == ["a", "o", "e"])
        let elements = try #require(root["a"]?.array)
        #expect(elements.map(\.value).count == 6)
        #expect(elements[0].int == 1)
        #expect(elements[1].double == -25)
        #expect(elements[1].numberText == "-2.5e1")
        #expect(elements[2].string == "x")
        #expect(elements[3].bool == true && elements[4].bool == false)
        #expect(elements[5].isNull)
        #expect(root["o"]?.object?.isEmpty == true)
        #expect(root["e"]?.array?.isEmpty == true)
        #expect(root["missing"] == nil && root[0] == nil && root["a"]?[9] == nil)
        for scalar in ["0", "-0", "\"\"", "true", "null", " 7 "] {
            #expect((try? JSONParser.parse(scalar, file: "t.json")) != nil, "\(scalar)")
        }
    }

    @Test("positions: 1-based line and column (in Unicode scalars) and byte offset of every value")
    func positions() throws {
        let text = "{\"ü\": [1, \"😀\", {\"k\": true}],\n \"b\": null}"
        let root = try JSONParser.parse(text, file: "t.json")
        #expect((root.line, root.column, root.offset) == (1, 1, 0))
        let member = try #require(root.object?.members.first)
        #expect((member.keyLine, member.keyColumn, member.keyOffset) == (1, 2, 1))
        let array = try #require(root["ü"])
        #expect((array.line, array.column, array.offset) == (1, 7, 7))
        let elements = try #require(array.array)
        #expect((elements[0].line, elements[0].column) == (1, 8))
        #expect((elements[1].line, elements[1].column, elements[1].offset) == (1, 11, 11))
        #expect((elements[2].line, elements[2].column) == (1, 16))
        let flag = try #require(elements[2]["k"])
        #expect((flag.line, flag.column) == (1, 22))
        let null = try #require(root["b"])
        #expect((null.line, null.column) == (2, 7))
        #expect(root.object?.members[1].keyColumn == 2)
        #expect(null.location(in: "t.json", pointer: JSONPointer.root / "b").description == "t.json:2:7")
        #expect(null.location(in: "t.json", pointer: JSONPointer.root / "b").jsonPointer == "/b")
    }

    @Test("a byte-order mark is skipped and not counted as a column")
    func byteOrderMark() throws {
        let root = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1, 2]".utf8), file: "t.json")
        #expect((root.line, root.column, root.offset) == (1, 1, 3))
        #expect(root[1]?.column == 5)
        #expect(Self.diagnostic("\u{FEFF}[1, x]")?.location.column == 5)
    }

    @Test("positions on a long single line and after CRLF line ends")
    func longLinesAndCRLF() throws {
        let many = "[" + Array(repeating: "\"é\"", count: 10_000).joined(separator: ",") + "]"
        let root = try JSONParser.parse(many, file: "t.json")
        #expect(root[9_999]?.column == 2 + 9_999 * 4)
        let crlf = try JSONParser.parse("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}", file: "t.json")
        #expect((crlf["b"]?.line, crlf["b"]?.column) == (3, 8))
    }

    @Test("escapes, surrogate pairs and raw UTF-8 in strings")
    func escapes() throws {
        let root = try JSONParser.parse(#"["\"\\\/\b\f\n\r\t\u0041\u00e9\uD83D\uDE00", "\u0000", "ü😀 raw", "a\u0000"]"#, file: "t.json")
        #expect(root[0]?.string == "\"\\/\u{8}\u{C}\n\r\tAé😀")
        #expect(root[1]?.string == "\u{0}")
        #expect(root[2]?.string == "ü😀 raw")
        #expect(root[3]?.string == "a\u{0}")
        #expect(try JSONParser.parse(#"{"k\u006Ey": 1}"#, file: "t.json")["kny"]?.int == 1)
    }

    @Test("numbers keep their text; integers are exact; huge numbers never trap")
    func numbers() throws {
        func number(_ text: String) throws -> JSONNode { try JSONParser.parse(text, file: "t.json") }
        #expect(try number("443").int == 443)
        #expect(try number("443.0").int == 443)
        #expect(try number("1e3").int == 1000)
        #expect(try number("1.5").int == nil)
        #expect(try number("-0").int == 0)
        #expect(try number("9007199254740993").int == 9_007_199_254_740_993)
        #expect(try number("9223372036854775807").int == Int.max)
        #expect(try number("12345678901234567890123").int == nil)
        #expect(try number("12345678901234567890123").numberText == "12345678901234567890123")
        #expect(try number("1e400").double == .infinity)
        #expect(try number("-1e400").double == -.infinity)
        #expect(try number("1e-400").double == 0)
        #expect(try number("1e99999999999999999999").numberText == "1e99999999999999999999")
        #expect(try number("0.1").double == 0.1)
        #expect(try number("123.456e-2").double == 1.23456)
        #expect(try number("0.000001").double == 0.000001)
        #expect(try number("-9.87654321E+5").double == -987_654.321)
    }

    @Test("decimal literals read to the same Double as the standard library's parser")
    func numberRounding() throws {
        var random = SplitMix64(seed: 42)
        for _ in 0..<5_000 {
            let digits = String(random.next() >> random.below(64))
            let integerDigits = 1 + random.below(digits.count)
            var text =
                integerDigits == digits.count
                ? digits : String(digits.prefix(integerDigits)) + "." + String(digits.dropFirst(integerDigits))
            if random.below(2) == 0 { text += "e\(random.below(60) - 30)" }
            if random.below(2) == 0 { text = "-" + text }
            let node = try JSONParser.parse(text, file: "t.json")
            #expect(node.double == Double(text), "\(text)")
        }
    }

    /// (input, line, column, message fragment)
    static let errors: [(String, Int, Int, String)] = [
        (#"{"a": 1,}"#, 1, 9, "expected a member name (a string in double quotes) after ',', found '}'"),
        ("[1, 2,]", 1, 7, "expected a value after ',', found ']'"),
        (#"{"a": 1 ]"#, 1, 9, "expected ',' or '}' after an object member, found ']'"),
        ("[1 2]", 1, 4, "expected ',' or ']' after an array element, found '2'"),
        ("{'a': 1}", 1, 2, "expected a member name (a string in double quotes) or '}', found '''"),
        ("{a: 1}", 1, 2, "or '}', found 'a'"),
        (#"{"a" 1}"#, 1, 6, "expected ':' after the member name 'a', found '1'"),
        (#"{"a": }"#, 1, 7, "expected a value for member 'a', found '}'"),
        ("[NaN]", 1, 2, "expected a value or ']', found 'NaN'"),
        ("[-Infinity]", 1, 3, "expected a digit after '-', found 'Infinity'"),
        ("[01]", 1, 2, "a number must not start with a leading zero, found '01'"),
        ("[-01]", 1, 2, "leading zero"),
        ("[1.]", 1, 4, "expected a digit after the decimal point, found ']'"),
        ("[1.e5]", 1, 4, "expected a digit after the decimal point, found 'e5'"),
        ("[1e]", 1, 4, "expected a digit in the exponent, found ']'"),
        ("[1e+]", 1, 5, "expected a digit in the exponent"),
        ("[.5]", 1, 2, "found '.'"),
        ("[+1]", 1, 2, "found '+'"),
        ("[tru]", 1, 2, "expected a value or ']', found 'tru'"),
        ("[true false]", 1, 7, "expected ',' or ']' after an array element, found 'false'"),
        ("[nul", 1, 2, "found 'nul'"),
        ("{} {}", 1, 4, "expected the end of input after the JSON value, found '{'"),
        ("", 1, 1, "expected a JSON value (an object, array, string, number, true, false or null), found end of input"),
        ("  \n   ", 2, 4, "found end of input"),
        ("[", 1, 2, "expected a value or ']', found end of input"),
        (#"{"a":1"#, 1, 7, "expected ',' or '}' after an object member, found end of input"),
        ("{\n  \"a\": 1,\n  \"b\": [1,,2]\n}", 3, 11, "expected a value after ',', found ','"),
        ("[\"a\u{01}b\"]", 1, 4, "a string cannot contain control character U+0001"),
        ("[\"a\nb\"]", 1, 4, "a string cannot contain a line break"),
        ("[\"a\tb\"]", 1, 4, "a string cannot contain control character U+0009"),
        (#""abc"#, 1, 5, "expected '\"' to close the string that starts at column 1, found end of input"),
        (#"["abc\"#, 1, 7, "expected '\"' to close the string"),
        (#"["\x"]"#, 1, 4, #"expected an escape (\" \\ \/ \b \f \n \r \t or \uXXXX) after '\', found 'x'"#),
        (#"["\u12G4"]"#, 1, 7, #"expected 4 hex digits after '\u', found 'G4'"#),
        (#"["\u12"#, 1, 7, "expected 4 hex digits after '\\u', found end of input"),
        (#"["\uD800"]"#, 1, 3, #"\uD800 is a high surrogate and must be followed by a low surrogate"#),
        (#"["\uD800\u0041"]"#, 1, 3, #"found \u0041"#),
        (#"["\uDC00"]"#, 1, 3, #"\uDC00 is a low surrogate without a high surrogate before it"#),
        ("[\"é\", x]", 1, 7, "found 'x'"),
        ("[é]", 1, 2, "found 'é' (U+00E9)"),
        ("[1] // note", 1, 5, "expected the end of input after the JSON value, found a comment"),
        ("/* c */ 1", 1, 1, "found a comment"),
        ("[1]\u{0}", 1, 4, "found control character U+0000"),
    ]

    @Test("every syntax error names its position, what was expected and what was found", arguments: errors)
    func syntaxErrors(text: String, line: Int, column: Int, message: String) throws {
        let found = try #require(Self.diagnostic(text))
        #expect(found.code == .syntax && found.severity == .error)
        #expect(found.location == SourceLocation(file: "t.json", line: line, column: column), "\(found)")
        #expect(found.message.hasPrefix("JSON syntax error: "), "\(found)")
        #expect(found.message.contains(message), "\(found)")
    }

    @Test("hints for trailing commas, single quotes, comments, NaN and unquoted names")
    func hints() {
        #expect(Self.diagnostic("[1,]")?.hint?.contains("trailing comma") == true)
        #expect(Self.diagnostic(#"{"a": 1,}"#)?.hint?.contains("trailing comma") == true)
        #expect(Self.diagnostic("['a']")?.hint == "JSON strings are written in double quotes")
        #expect(Self.diagnostic("[1] // x")?.hint == "JSON does not allow comments")
        #expect(Self.diagnostic("[NaN]")?.hint == "JSON has no NaN or Infinity")
        #expect(Self.diagnostic("{a: 1}")?.hint == "member names are strings in double quotes")
    }

    @Test("bytes that are not UTF-8 are an encoding error at their position")
    func encoding() throws {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22]] {
            do {
                _ = try JSONParser.parse(bytes, file: "t.json")
                Issue.record("accepted \(bytes)")
            } catch {
                let found = try #require(error.diagnostics.first)
                #expect(found.code == .encoding)
                #expect(found.location.column == 2)
            }
        }
        #expect(Self.diagnostic(String(decoding: [0x5B, 0xFF, 0x5D] as [UInt8], as: UTF8.self))?.message.contains("U+FFFD") == true)
        #expect(throws: DesignError.self) { try JSONParser.parse([0x5B, 0xFF, 0x5D] as [UInt8], file: "t.json") }
    }

    @Test("comments only when allowed; positions after them still right")
    func comments() throws {
        let text = "// head\n{ /* a */ \"a\": 1 // tail\n, \"b\": /* x\n y */ 2 }"
        #expect(Self.diagnostic(text)?.location == SourceLocation(file: "t.json", line: 1, column: 1))
        let root = try JSONParser.parse(text, file: "t.json", allowComments: true)
        #expect(root.object?.keys == ["a", "b"])
        #expect((root.line, root.column) == (2, 1))
        #expect((root["b"]?.line, root["b"]?.column, root["b"]?.int) == (4, 7, 2))
        let open = try #require(Self.diagnostic("[1, /* never closed\n 2]", allowComments: true))
        #expect(open.location == SourceLocation(file: "t.json", line: 1, column: 5))
        #expect(open.message.contains("expected '*/' to close the comment"))
        let lone = try #require(Self.diagnostic("[1 / 2]", allowComments: true))
        #expect(lone.location.column == 4 && lone.message.contains("'//' or '/*'"))
        #expect(try JSONParser.parse("[1] // end", file: "t.json", allowComments: true)[0]?.int == 1)
        #expect(try JSONParser.parse("[1] /**/", file: "t.json", allowComments: true).array?.count == 1)
    }

    @Test("nesting: 512 levels read, deeper is an error at the first level too deep, never a stack overflow")
    func nesting() throws {
        let limit = JSONParser.maximumDepth
        let deep = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        var node = try JSONParser.parse(deep, file: "t.json")
        var depth = 1
        while let inner = node[0] {
            node = inner
            depth += 1
        }
        #expect(depth == limit)
        let tooDeep = try #require(Self.diagnostic(String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)))
        #expect(tooDeep.location.column == limit + 1)
        #expect(tooDeep.message.contains("deeper than 512 levels"))
        let objects = String(repeating: #"{"a":"#, count: 100_000)
        #expect(Self.diagnostic(objects)?.message.contains("deeper than 512") == true)
        #expect(Self.diagnostic(String(repeating: "[", count: 1_000_000))?.location.column == limit + 1)
    }

    @Test("a repeated member name is a duplicate-key error at the repeat, naming the first")
    func duplicateKeys() throws {
        let found = try #require(Self.diagnostic(#"{"a": 1, "b": 2, "a": 3}"#))
        #expect(found.code == .duplicateKey)
        #expect(found.location == SourceLocation(file: "t.json", line: 1, column: 18))
        #expect(found.message == "duplicate key 'a' in one object (first at line 1, column 2)")
        let members = (0..<40).map { "\"k\($0)\": \($0)" }
        let large = try #require(Self.diagnostic("{\n" + (members + ["\"k7\": 0"]).joined(separator: ",\n") + "}"))
        #expect(large.code == .duplicateKey && large.location.line == 42 && large.message.contains("first at line 9, column 1"))
        #expect(Self.diagnostic(#"{"k\u0061": 1, "ka": 2}"#)?.code == .duplicateKey)
        // Names are case-sensitive; the same name in different objects is fine.
        let root = try JSONParser.parse(#"{"Name": 1, "name": 2, "o": {"Name": 3}}"#, file: "t.json")
        #expect(root["name"]?.int == 2 && root["NAME"] == nil)
        #expect(root.object?.value(forKeyIgnoringCase: "NAME")?.int == 1)
        #expect(root.object?.member(forKeyIgnoringCase: "nAmE")?.key == "Name")
        #expect(root["o"]?.object?.value(forKeyIgnoringCase: "name")?.int == 3)
        let unicode = try JSONParser.parse(#"{"Größe": 1}"#, file: "t.json")
        #expect(unicode.object?.value(forKeyIgnoringCase: "GRÖSSE") == nil)
        #expect(unicode.object?.value(forKeyIgnoringCase: "gröSSe") == nil)
        #expect(unicode.object?.value(forKeyIgnoringCase: "GRÖßE")?.int == 1)
    }

    @Test("JSON pointers: escaping, parsing and resolving")
    func pointers() throws {
        let pointer = JSONPointer.root / "resources" / 3 / "properties" / "subnets" / 0
        #expect(pointer.description == "/resources/3/properties/subnets/0")
        #expect(JSONPointer.root.description == "")
        #expect(JSONPointer(tokens: ["a/b", "m~n", "~1"]).description == "/a~1b/m~0n/~01")
        #expect(JSONPointer("/a~1b/m~0n/~01")?.tokens == ["a/b", "m~n", "~1"])
        #expect(JSONPointer("") == .root)
        #expect(JSONPointer("/")?.tokens == [""])
        #expect(JSONPointer("a") == nil && JSONPointer("/~2") == nil && JSONPointer("/~") == nil)
        let root = try JSONParser.parse(#"{"a/b": [10, {"m~n": true}], "": 5}"#, file: "t.json")
        #expect(root[JSONPointer("/a~1b/1/m~0n") ?? .root]?.bool == true)
        #expect(root[JSONPointer("/a~1b/0") ?? .root]?.int == 10)
        #expect(root[JSONPointer("/") ?? .root]?.int == 5)
        #expect(root[JSONPointer("/a~1b/01") ?? .root] == nil)
        #expect(root[JSONPointer("/a~1b/2") ?? .root] == nil)
        #expect(root[JSONPointer.root] == root)
    }

    @Test("strict JSON designs: a trailing comma is a located syntax error; YAML flow style in .yaml files is YAML")
    func strictDesigns() throws {
        let trailing = #"{"apiVersion":"roundtrip/v1","name":"x",}"#
        #expect(throws: DesignError.self) { try DesignReader.parse(trailing, file: "d.json") }
        do {
            _ = try DesignReader.parse(trailing, file: "d.json")
        } catch {
            #expect(error.description.hasPrefix("d.json:1:41: error: JSON syntax error: expected a member name"))
        }
        do {
            _ = try DesignReader.parseAssertions(#"{"apiVersion": "roundtrip/v1", "assertions": [],}"#, file: "a.json")
            Issue.record("trailing comma accepted")
        } catch {
            #expect(error.diagnostics.first?.code == .syntax)
        }
        #expect(throws: DesignError.self) { try DesignReader.parse(#"{"name": "a", "name": "b"}"#, file: "d.json") }
        let flow = "{apiVersion: roundtrip/v1, name: flow}"
        #expect(try DesignReader.parse(flow, file: "d.yaml").name == "flow")
        // An empty .json file keeps its message.
        do {
            _ = try DesignReader.parse(" \n", file: "d.json")
        } catch {
            #expect(error.diagnostics.first?.code == .empty)
        }
    }

    @Test("columns agree with the YAML reader's, also after multi-byte characters")
    func columnsMatchDesignReader() throws {
        let text = #"{"apiVersion": "roundtrip/v1", "name": "ü-😀-名", "colour": 1}"#
        let root = try JSONParser.parse(text, file: "d.json")
        let colour = try #require(root.object?.members.last)
        do {
            _ = try DesignReader.parse(text, file: "d.json")
            Issue.record("accepted")
        } catch {
            let found = try #require(error.diagnostics.first)
            #expect(found.message.contains("unknown field 'colour'"))
            #expect((found.location.line, found.location.column) == (colour.keyLine, colour.keyColumn))
        }
    }
}
