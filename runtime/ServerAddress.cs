namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Linq;

    /// <summary>A value for one of the variables of the spec's server URL, e.g. <c>{region}</c>, and the option that set it.</summary>
    internal sealed class ServerVariable
    {
        public ServerVariable(string name, string option, string? value, string[] allowedValues)
        {
            Name = name;
            Option = option;
            Value = value;
            AllowedValues = allowedValues;
        }

        public string Name { get; }

        public string Option { get; }

        public string? Value { get; }

        /// <summary>Gets the spec's <c>enum</c> for the variable; empty when any value goes.</summary>
        public string[] AllowedValues { get; }
    }

    /// <summary>
    /// The base address a generated client's options stand for: the one set explicitly, or the spec's first server URL
    /// with its variables filled in. A missing or wrong address fails here, when the client is created, with a message
    /// that names the option to set, rather than with the first request.
    /// </summary>
    internal static class ServerAddress
    {
        /// <param name="optionsName">The options class, which messages name.</param>
        /// <param name="baseAddress">The address set explicitly, which wins; null to use the spec's server.</param>
        /// <param name="template">The spec's server URL, e.g. <c>https://modelarts.{region}.myhuaweicloud.com</c>; null when it names none.</param>
        /// <param name="variables">The values of the URL's variables.</param>
        /// <returns>An absolute http or https URI whose path ends in <c>/</c>, so that the operations' relative paths extend it.</returns>
        /// <exception cref="InvalidOperationException">No address can be made, or the one made is not an absolute http or https URI.</exception>
        public static Uri Resolve(string optionsName, Uri? baseAddress, string? template, params ServerVariable[] variables)
        {
            if (baseAddress is not null)
            {
                return Check(baseAddress, optionsName + ".BaseAddress");
            }

            if (template is null)
            {
                throw new InvalidOperationException("Set " + optionsName + ".BaseAddress to the service endpoint: the spec names no server.");
            }

            var address = template;
            foreach (var variable in variables)
            {
                var option = optionsName + "." + variable.Option;
                if (string.IsNullOrWhiteSpace(variable.Value))
                {
                    throw new InvalidOperationException("Set " + option + ", or " + optionsName + ".BaseAddress: the server URL " + template + " needs a value for {" + variable.Name + "}.");
                }

                if (variable.AllowedValues.Length > 0 && !variable.AllowedValues.Contains(variable.Value, StringComparer.Ordinal))
                {
                    throw new InvalidOperationException(option + " is '" + variable.Value + "', which the spec does not allow: use one of " + string.Join(", ", variable.AllowedValues) + ".");
                }

                if (variable.Value!.IndexOfAny(['/', '?', '#', '@', '\\', ' ']) >= 0)
                {
                    throw new InvalidOperationException(option + " is '" + variable.Value + "', which holds a character that would change the shape of the server URL " + template + ".");
                }

                address = address.Replace("{" + variable.Name + "}", variable.Value);
            }

            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
            {
                throw new InvalidOperationException("The server URL " + template + " gives '" + address + "', which is not an absolute URI: set " + optionsName + ".BaseAddress to the service endpoint.");
            }

            return Check(uri, "The server URL " + template);
        }

        private static Uri Check(Uri address, string what)
        {
            if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException(what + " must be an absolute http or https URI, e.g. https://example.com/; it is '" + address.OriginalString + "'.");
            }

            if (address.Query.Length > 0 || address.Fragment.Length > 0)
            {
                throw new InvalidOperationException(what + " must not have a query or a fragment; it is '" + address.OriginalString + "'.");
            }

            return address.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? address : new Uri(address.AbsoluteUri + "/");
        }
    }
}
