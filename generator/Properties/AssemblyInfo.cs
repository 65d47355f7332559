[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("OpenApiClientGenerator.Tests")]
