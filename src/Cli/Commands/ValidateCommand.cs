using System.CommandLine;
using Connector.Operations.Loading;

namespace Connector.Cli.Commands;

/// <summary>
/// <c>connector validate [PATH...]</c>: every problem of the definitions, as file:line:column: message.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Definition files or folders (default: the definitions folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("validate", "Check definitions and report each problem with its file and line.")
        {
            paths,
        };
        command.SetAction(parse =>
        {
            var targets = parse.GetValue(paths) is { Length: > 0 } given ? given : [DefinitionsFolder.Locate()];
            LoadResult result;
            try
            {
                result = DefinitionLoader.Load(targets);
            }
            catch (FileNotFoundException missing)
            {
                throw new CommandException(missing.Message);
            }

            foreach (var problem in result.Problems)
            {
                parse.InvocationConfiguration.Output.WriteLine(problem);
            }

            var summary = result.IsValid
                ? $"{result.Catalog.Count} operation(s) in {result.Catalog.Connectors.Count} connector(s): no problems"
                : $"{result.Problems.Count} problem(s); {result.Catalog.Count} operation(s) loaded cleanly";
            parse.InvocationConfiguration.Output.WriteLine(summary);
            return result.IsValid ? 0 : 1;
        });
        return command;
    }
}
