import ArgumentParser
import Foundation
import KardesBuild
import KardesScaffold

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Add a partnership or a city file, with every field to fill in; never overwrites a file.",
        discussion: """
            Without arguments on a terminal, asks for the fields one by one and writes into the site in the current folder.

            Examples:
              kardes new partnership "İstanbul, TR" "Houston, US" --model sister-city --established 2002
              kardes new city "Üsküdar, TR"
              kardes new
            """,
        subcommands: [NewPartnership.self, NewCity.self])

    func run() throws {
        guard isatty(STDIN_FILENO) == 1 else {
            throw ValidationError("say what to add: kardes new partnership \"A, CC\" \"B, CC\" --model sister-city, or kardes new city \"A, CC\"")
        }
        // Interactive mode works in the current folder, as the subcommands do without --source.
        let scaffold = Scaffold(root: URL(fileURLWithPath: "."))
        let kind = ask("What do you want to add, a partnership or a city?", default: "partnership") { ["partnership", "city"].contains($0) }
        if kind == "city" {
            while true {
                let name = ask("The city, as \"Name, CC\" (for example Üsküdar, TR):") { !$0.isEmpty }
                do {
                    print("wrote \(try scaffold.newCity(name))")
                    return
                } catch {
                    printError(error)
                }
            }
        }
        while true {
            var cities: [String] = []
            print("The cities, one per line as \"Name, CC\"; an empty line ends the list:")
            while let line = readLine()?.trimmingCharacters(in: .whitespaces), !line.isEmpty { cities.append(line) }
            let model = ask("The model (sister-city, municipal-cooperation, decentralised-cooperation):", default: "sister-city") { !$0.isEmpty }
            let established = ask("Established (YYYY, YYYY-MM or YYYY-MM-DD; empty when unknown):", default: "") { _ in true }
            let status = ask("Status (active, dormant, ended, proposed):", default: "active") { !$0.isEmpty }
            let request = Scaffold.PartnershipRequest(
                cities: cities, model: model, established: established.isEmpty ? nil : established, status: status == "active" ? nil : status)
            do {
                print("wrote \(try scaffold.newPartnership(request))")
                return
            } catch {
                printError(error)
                print("Let's try again.")
            }
        }
    }

    /// Asks until the answer passes `valid`; an empty answer takes `default` when there is one.
    func ask(_ question: String, default value: String? = nil, _ valid: (String) -> Bool) -> String {
        while true {
            print(question + (value.map { $0.isEmpty ? " " : " [\($0)] " } ?? " "), terminator: "")
            guard let line = readLine() else { Foundation.exit(1) }
            let answer = line.trimmingCharacters(in: .whitespaces)
            let chosen = answer.isEmpty ? (value ?? "") : answer
            if valid(chosen) { return chosen }
        }
    }
}

func printError(_ failure: Scaffold.Failure) {
    FileHandle.standardError.write(Data("kardes: \(failure)\n".utf8))
}

struct NewPartnership: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partnership",
        abstract: "Write content/partnerships/<slug>.md for two or more cities.",
        discussion: """
            The file is named after the cities' slugs in the order given (İstanbul, Houston → istanbul-houston.md).
            The references and the model are checked as a build checks them.

            Example:
              kardes new partnership "İstanbul, TR" "Houston, US" --model sister-city --established 2002
            """)

    @Argument(help: "The cities, each as \"Name, CC\" or cc/slug.")
    var cities: [String]

    @Option(name: .long, help: "The model's slug, a file in content/models/.")
    var model: String

    @Option(name: .long, help: "When it was established: YYYY, YYYY-MM or YYYY-MM-DD.")
    var established: String?

    @Option(name: .long, help: "active, dormant, ended or proposed.")
    var status: String?

    @Option(name: .long, help: "The site folder, holding content/.")
    var source: String = "."

    func run() throws {
        do {
            let path = try Scaffold(root: URL(fileURLWithPath: source))
                .newPartnership(.init(cities: cities, model: model, established: established, status: status))
            print("wrote \(path)")
        } catch {
            printError(error)
            throw ExitCode(1)
        }
    }
}

struct NewCity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "city",
        abstract: "Write content/cities/<cc>/<slug>.md for a city.",
        discussion: """
            Example:
              kardes new city "Üsküdar, TR"
            """)

    @Argument(help: "The city, as \"Name, CC\".")
    var city: String

    @Option(name: .long, help: "The site folder, holding content/.")
    var source: String = "."

    func run() throws {
        do {
            print("wrote \(try Scaffold(root: URL(fileURLWithPath: source)).newCity(city))")
        } catch {
            printError(error)
            throw ExitCode(1)
        }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site that builds at once.",
        discussion: """
            Creates content/site.yml, the three model pages, one example partnership, an empty templates/ folder (or,
            with --with-theme, a copy of the default theme to customise) and a .gitignore for public/.
            Refuses a folder that is not empty. On a terminal it asks for the municipality's name when --owner is not given.

            Example:
              kardes init uskudar --owner "Üsküdar, TR"
            """)

    @Argument(help: "The new site's folder.")
    var folder: String = "."

    @Option(name: .long, help: "The publishing municipality, as \"Name, CC\".")
    var owner: String?

    @Option(name: .long, help: "The site's title (default: \"<municipality> Kardeş Kentleri\").")
    var title: String?

    @Flag(name: .long, help: "Copy the default theme into templates/ to customise it.")
    var withTheme = false

    func run() throws {
        var owner = self.owner
        if owner == nil, isatty(STDIN_FILENO) == 1 {
            print("The municipality that publishes the site, as \"Name, CC\" (for example Üsküdar, TR): ", terminator: "")
            owner = readLine()?.trimmingCharacters(in: .whitespaces)
        }
        guard let owner, !owner.isEmpty else {
            throw ValidationError("name the municipality: kardes init \(folder) --owner \"Üsküdar, TR\"")
        }
        do {
            let files = try Scaffold(root: URL(fileURLWithPath: folder))
                .initSite(.init(owner: owner, title: title, withTheme: withTheme), theme: defaultThemeFiles())
            print("created \(files.count) files in \(folder); build the site with: kardes build --source \(folder)")
        } catch {
            printError(error)
            throw ExitCode(1)
        }
    }
}
