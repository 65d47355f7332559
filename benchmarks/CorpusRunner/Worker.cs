using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorpusRunner;

/// <summary>
/// The child process: loads the generator once, then takes spec names from standard input, one a line, and answers
/// each with one line <c>RESULT {json}</c> on standard output. It knows nothing of timeouts: the supervisor kills it
/// when a spec hangs, and starts another when it dies.
/// </summary>
public static class Worker
{
    public const string ResultPrefix = "RESULT ";

    public static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static int Run(string analyzerDirectory)
    {
        var runner = new SpecRunner(GeneratorPackage.Load(analyzerDirectory));
        runner.WarmUp();
        Console.Out.Flush();
        while (Console.In.ReadLine() is { Length: > 0 } spec)
        {
            SpecResult result;
            try
            {
                result = runner.Run(spec);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Reading the JSON or driving Roslyn failed outside the generator: the runner's own failure, not the
                // generator's, but the spec still gets its line rather than stopping the run.
                result = new SpecResult { Spec = spec, Outcome = Outcome.Crashed, FirstErrors = ["runner: " + exception.GetType().FullName + ": " + exception.Message] };
            }

            Console.Out.WriteLine(ResultPrefix + JsonSerializer.Serialize(result, Json));
            Console.Out.Flush();
        }

        return 0;
    }
}
