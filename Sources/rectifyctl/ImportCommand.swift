import ArgumentParser
import Foundation
import RectifyCore
import RectifyImport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a report (.txt, .docx) or a ledger (.xlsx, .csv) into a plan.",
        discussion: """
            Reads reports (UTF-8 or GB18030/GBK text, detected; Word .docx) and ledgers (整改台账: \
            Excel/WPS/LibreOffice .xlsx, CSV as Excel writes it, a ledger table in a .docx) and \
            prints each as a plan in the plan format (docs/plan-format.md, docs/import.md). \
            Ledger columns are told by their header words; --columns fixes them by letter. \
            Warnings — totals that disagree with the items found, open items without a date, dates \
            that cannot be placed — go to stderr as file:line:column (for ledgers with the cell, \
            台账!G12).

            With several reports, plans are printed one after another (YAML documents separated by \
            '---'); with -o DIR each is written to DIR/NAME.plan.json (or .yaml).

            Exit status: 0 on success (warnings included), 2 when a report cannot be read.

            Examples:
              rectifyctl import seeds/001_76357eb5244c6017.txt
              rectifyctl import --format json -o plan.json report.txt
              rectifyctl import --reference-date 2025-10-09 --format json report.txt
              rectifyctl import --explain report.txt
              rectifyctl import --directory directory.json -o plan.json report.txt
              rectifyctl import --format json 整改台账.xlsx
              rectifyctl import --columns 问题=C,措施=D,时限=G,状态=H --sheet 台账 ledger.xlsx
              rectifyctl import --update plans/cdc.plan.yaml next-month-report.txt
            """
    )

    @Option(name: .long, help: "Output format: yaml or json (default: -o's extension, else yaml).")
    var format: PlanWriter.Format?

    /// --format, else the output file's extension (.json, .yaml, .yml), else YAML.
    var outputFormat: PlanWriter.Format {
        if let format { return format }
        switch output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "json": return .json
        default: return .yaml
        }
    }

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (atomically) instead of stdout; a directory with several reports.", valueName: "FILE"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Place dates written without a year relative to this day (default: the report's date, else its feedback date).",
            valueName: "DATE"))
    var referenceDate: String?

    @Flag(name: .long, help: "Print, per item, what was read from which line and why (instead of the plan).")
    var explain = false

    @Option(
        name: .long,
        help: ArgumentHelp("A directory file (JSON) mapping names and departments to emails, mobiles and leader levels.", valueName: "FILE"))
    var directory: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Ledger columns by letter where the header words do not tell them: 问题=C,措施=D,时限=G,状态=H (also 领导, 单位, 责任人, 类别, 序号, 完成日期, 备注).",
            valueName: "NAME=COL,..."))
    var columns: String?

    @Option(name: .long, help: ArgumentHelp("Read this sheet of an .xlsx instead of the one that looks most like a ledger.", valueName: "NAME"))
    var sheet: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Lay the report over this kept plan instead of printing a new one: statuses, progress and later deadlines "
                + "(as extensions) come from the report, what was added by hand stays; prints what changed.",
            valueName: "PLAN"))
    var update: String?

    @Flag(name: .long, help: "With --update: print what would change, write nothing.")
    var dryRun = false

    @Option(name: .long, help: .hidden)
    var benchRepeat: Int?

    @Argument(help: ArgumentHelp("Reports (.txt, .docx) and ledgers (.xlsx, .csv).", valueName: "FILE"))
    var reports: [String]

    var options: LedgerImporter.Options {
        LedgerImporter.Options(columns: columns, referenceDate: referenceDate.flatMap(CalendarDate.init), sheet: sheet)
    }

    func validate() throws {
        if let format, let output, !output.hasSuffix("/") {
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            let named: PlanWriter.Format? = ext == "json" ? .json : ["yaml", "yml"].contains(ext) ? .yaml : nil
            if let named, named != format {
                throw ValidationError("--format \(format.rawValue) would write \(format.rawValue) into \(output); name the file .\(format.rawValue) or leave out --format.")
            }
        }
        if let referenceDate, CalendarDate(referenceDate) == nil {
            throw ValidationError("--reference-date '\(referenceDate)' is not a day; write it as YYYY-MM-DD, e.g. 2025-10-09.")
        }
        if let benchRepeat, benchRepeat < 1 { throw ValidationError("--bench-repeat must be at least 1.") }
        if let columns {
            do {
                _ = try LedgerImporter.checkColumns(columns)
            } catch {
                throw ValidationError(error.message)
            }
        }
        if update != nil {
            guard reports.count == 1 else { throw ValidationError("--update takes one report (the newest).") }
            if explain { throw ValidationError("--update and --explain do not go together.") }
        } else if dryRun {
            throw ValidationError("--dry-run goes with --update.")
        }
        if reports.count > 1, let output, FileManager.default.fileExists(atPath: output), !isDirectory(output) {
            throw ValidationError("-o \(output) is a file; with several reports -o names a directory (created if missing).")
        }
    }

    func run() throws {
        let reference = referenceDate.flatMap(CalendarDate.init)
        var inputs: [(file: String, data: Data)] = []
        var failed = false
        for file in reports {
            guard FileManager.default.fileExists(atPath: file) else {
                printError("\(file):1:1: error: cannot read the report: no such file or directory.")
                failed = true
                continue
            }
            if isDirectory(file) {
                printError("\(file):1:1: error: is a directory; pass the report files (\(file)/*.txt).")
                failed = true
                continue
            }
            do {
                inputs.append((file, try Data(contentsOf: URL(fileURLWithPath: file))))
            } catch {
                printError("\(file):1:1: error: cannot read the report: \(reason(error)).")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
        let contacts = try directory.map(loadDirectory)
        if explain {
            try explainReports(inputs, reference: reference, directory: contacts)
            return
        }
        if let benchRepeat {
            try bench(inputs, repeat: benchRepeat, reference: reference)
            return
        }
        if let update, let input = inputs.first {
            try runUpdate(plan: update, report: input, reference: reference, directory: contacts)
            return
        }
        var documents: [(file: String, text: String)] = []
        for input in inputs {
            let plan: Plan
            let warnings: [Diagnostic]
            do {
                (plan, warnings) = try LedgerImporter.importFile(input.data, file: input.file, options: options).asLoaderResult
            } catch {
                for diagnostic in error.diagnostics { printError(diagnostic.description) }
                failed = true
                continue
            }
            var routed = plan
            if let contacts {
                let lines = Dictionary(plan.items.map { ($0.id, $0.statusEvidence?.line ?? 1) }, uniquingKeysWith: { a, _ in a })
                for warning in contacts.apply(to: &routed, file: input.file, lines: lines) { printError(warning.description) }
            }
            for warning in warnings { printError(warning.description) }
            documents.append((input.file, try PlanWriter.render(routed, as: outputFormat)))
        }
        try emit(documents)
        if failed { throw ExitCode(2) }
    }

    private func emit(_ documents: [(file: String, text: String)]) throws {
        guard let output else {
            let separator = outputFormat == .yaml ? "---\n" : ""
            print(documents.map(\.text).joined(separator: separator), terminator: "")
            return
        }
        if reports.count > 1 || isDirectory(output) || output.hasSuffix("/") {
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                printError("\(output):1:1: error: cannot create the directory: \(reason(error)).")
                throw ExitCode(2)
            }
            for document in documents {
                let name = ReportImporter.planID(forFile: document.file) + ".plan." + outputFormat.rawValue
                try writeAtomically(document.text, to: URL(fileURLWithPath: output).appendingPathComponent(name).path)
            }
        } else if let document = documents.first {
            try writeAtomically(document.text, to: output)
        }
    }

    /// Writes the plan atomically, so readers (the daemon's reload) never see half a plan.
    func writeAtomically(_ text: String, to path: String) throws {
        try OfflineFiles.writeAtomically(Data(text.utf8), to: path, what: "the plan", reason: reason)
    }

    /// Imports every report `count` times in-process and prints the median and best time of
    /// one pass over all of them (for bench/import.sh).
    private func bench(_ inputs: [(file: String, data: Data)], repeat count: Int, reference: CalendarDate?) throws {
        var samples: [Double] = []
        var items = 0
        for _ in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            items = 0
            for input in inputs {
                let plan = try LedgerImporter.importFile(input.data, file: input.file, options: options).plan
                items += plan.items.count
            }
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        samples.sort()
        let bytes = inputs.reduce(0) { $0 + $1.data.count }
        print(
            String(
                format: "reports=%d bytes=%d items=%d runs=%d median_ms=%.2f min_ms=%.2f", inputs.count, bytes, items, count,
                samples[samples.count / 2], samples[0]))
    }

    private func loadDirectory(_ path: String) throws -> ContactDirectory {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try ContactDirectory.read(data, file: path)
        } catch let error as PlanLoadError {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode(2)
        } catch {
            printError("\(path):1:1: error: cannot read the directory: \(reason(error)).")
            throw ExitCode(2)
        }
    }

    /// `--explain`: per item, the status, deadline and responsibility with their lines and rules.
    private func explainReports(_ inputs: [(file: String, data: Data)], reference: CalendarDate?, directory: ContactDirectory?) throws {
        for input in inputs {
            let result: LedgerImporter.Result
            do {
                var explaining = options
                explaining.explain = true
                result = try LedgerImporter.importFile(input.data, file: input.file, options: explaining)
            } catch {
                for diagnostic in error.diagnostics { printError(diagnostic.description) }
                throw ExitCode(2)
            }
            var plan = result.plan
            var warnings = result.warnings
            if let directory { warnings += directory.apply(to: &plan, file: input.file) }
            let review = plan.items.filter { !$0.review.isEmpty }.count
            print("\(input.file)\(result.table.map { " (\($0))" } ?? ""): \(plan.items.count) items, \(review) to review")
            if let stated = plan.stated, let text = stated.text {
                print("  totals    '\(text)' (line \(stated.line ?? 0))")
            }
            for explanation in result.explanations { print(explanation) }
            for warning in warnings { printError(warning.description) }
        }
    }

    private func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    private func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}

extension PlanWriter.Format: ExpressibleByArgument {}
