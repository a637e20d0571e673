
# --- Names: the letters, lists and campaigns of the folder you are in -------------------------
# Appended by the build (circular.cli.NameCompletion) to picocli's completion above, which
# completes commands and options. Where an argument or an option takes a letter, a recipient list
# or a campaign, Tab offers the names circular looks up in letter-templates/, recipients/ and
# campaigns/ of the working folder; a word with a / in it completes as a path.

# @TABLES@
_circular_names() { # the names of kind $1 in the working folder, one a line
  local f
  case $1 in
    letter)
      for f in letter-templates/*/letter.properties; do
        [ -e "$f" ] && f=${f%/letter.properties} && echo "${f#letter-templates/}"
      done
      ;;
    list)
      for f in recipients/*.csv recipients/*.xlsx; do
        [ -e "$f" ] && f=${f#recipients/} && echo "${f%.*}"
      done
      ;;
    campaign)
      for f in campaigns/*/; do
        [ -d "$f" ] && f=${f%/} && echo "${f#campaigns/}"
      done
      ;;
  esac
}

_circular_complete_names() {
  _complete_circular "$@"
  local status=$?
  local cur=${COMP_WORDS[COMP_CWORD]}
  case $cur in -*) return $status ;; esac
  # the command, the option whose value is being typed, or how many arguments come before
  local command='' valued='' count=0 i word
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [ -z "$command" ]; then
      case $word in -*) ;; *) command=$word ;; esac
    elif [ -n "$valued" ]; then
      [ "$word" = "=" ] || valued='' # --campaign=NAME comes as three words
    else
      case $word in
        -*=*) ;;
        -*) case " $(_circular_valued_options "$command") " in *" $word "*) valued=$word ;; esac ;;
        *) count=$((count + 1)) ;;
      esac
    fi
  done
  [ -n "$command" ] || return $status
  local kind
  if [ -n "$valued" ]; then
    kind=$(_circular_option_kind "$valued")
  else
    local kinds
    read -r -a kinds <<<"$(_circular_arguments "$command")"
    kind=${kinds[count]}
  fi
  case $kind in letter | list | campaign) ;; *) return $status ;; esac
  local IFS=$'\n'
  COMPREPLY=()
  case $cur in
    */*) ;;
    *) COMPREPLY=($(compgen -W "$(_circular_names "$kind")" -- "$cur")) ;;
  esac
  if [ ${#COMPREPLY[@]} -eq 0 ]; then
    type compopt &>/dev/null && compopt -o filenames
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
  return 0
}

complete -F _circular_complete_names -o default circular circular.sh circular.bash
