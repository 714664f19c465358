/** Meta-Llama-3-8B-Instruct's chat template (its tokenizer_config.json); llama.cpp's llama-bpe vocab has none, so
 * tests give it to a model on that vocabulary (writeRealVocabGguf's chatTemplate). */
export const LLAMA3_CHAT_TEMPLATE =
  "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + " +
  "message['role'] + '<|end_header_id|>\n\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}" +
  "{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}" +
  "{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}{% endif %}";
