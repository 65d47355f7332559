namespace OpenApiClientGenerator.Runtime
{
    using System.Text;
    using System.Text.Json;

    /// <summary>
    /// The JSON names of a record's members in schema order: as UTF-8 to recognize them when reading, and encoded once
    /// to write them without transcoding and escaping them on every call.
    /// </summary>
    internal sealed class JsonMemberNames
    {
        private readonly byte[][] _utf8;
        private readonly JsonEncodedText[] _encoded;

        public JsonMemberNames(params string[] names)
        {
            _utf8 = new byte[names.Length][];
            _encoded = new JsonEncodedText[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
                _encoded[i] = JsonEncodedText.Encode(names[i]);
            }
        }

        /// <summary>Gets the name of the member at <paramref name="index"/>, encoded for writing.</summary>
        public JsonEncodedText this[int index] => _encoded[index];

        /// <summary>
        /// Returns the index of the property name the reader is on, or -1 for a name the schema does not have. The search
        /// starts at <paramref name="nextMember"/>, the member after the one found last: services send members in schema
        /// order, so one comparison per member is the usual cost, not one per known name.
        /// </summary>
        public int IndexOf(ref Utf8JsonReader reader, ref int nextMember)
        {
            for (var tried = 0; tried < _utf8.Length; tried++)
            {
                var index = nextMember + tried;
                if (index >= _utf8.Length)
                {
                    index -= _utf8.Length;
                }

                if (reader.ValueTextEquals(_utf8[index]))
                {
                    nextMember = index + 1;
                    return index;
                }
            }

            return -1;
        }
    }
}
