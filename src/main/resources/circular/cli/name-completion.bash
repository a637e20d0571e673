
# --- Names: the letters, lists and campaigns of the folder you are in -------------------------
# Appended by the build (circular.cli.NameCompletion) to picocli's completion above, which
# completes commands and options. Where an argument or an option takes a letter, a recipient list
# or a campaign, Tab offers the names circular looks up in letter-templates/, recipients/ and
# campaigns/ of the working folder; a word with a / in it completes as a path.

# @TABLES@
_circular_names() { # the names of kind $1 in the working folder, one a line
  local f
  # zsh (bashcompinit) stops at a pattern that matches nothing unless told not to
  [ -z "${ZSH_VERSION-}" ] || setopt localoptions nonomatch
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
  # zsh's bashcompinit hands over COMP_WORDS numbered from 1 and COMP_CWORD as bash counts
  [ -z "${ZSH_VERSION-}" ] || setopt localoptions ksharrays
  _complete_circular "$@"
  local ret=$? # not "status": read-only in zsh
  local cur=${COMP_WORDS[COMP_CWORD]}
  case $cur in -*) return $ret ;; esac
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
  [ -n "$command" ] || return $ret
  local kind=- k n=0
  if [ -n "$valued" ]; then
    kind=$(_circular_option_kind "$valued")
  else
    for k in $(_circular_arguments "$command"); do # the count-th, from 0; none past the last
      [ "$n" -eq "$count" ] && kind=$k
      n=$((n + 1))
    done
  fi
  case $kind in letter | list | campaign) ;; *) return $ret ;; esac
  local IFS=$'\n' name
  COMPREPLY=()
  case $cur in
    */*) ;;
    *)
      # matched as text and quoted as a word: never 'compgen -W', which runs a $(...) in a name
      while read -r name; do
        case $name in "$cur"*) [ -z "$name" ] || COMPREPLY+=("$(printf '%q' "$name")") ;; esac
      done <<<"$(_circular_names "$kind")"
      ;;
  esac
  if [ ${#COMPREPLY[@]} -eq 0 ]; then
    type compopt &>/dev/null && compopt -o filenames
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
  return 0
}

complete -F _circular_complete_names -o default circular circular.sh circular.bash
